using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Organizations;

public sealed class OrganizationsOptions
{
    public const string Section = "Organizations";

    /// <summary>
    /// Time a member gets when an assignment's date cannot apply: a member who joins after the due date, or a new
    /// cycle that starts when the certificate expired.
    /// </summary>
    [Range(1, 365)] public int GraceDays { get; set; } = 30;

    /// <summary>How many days before the due date the first reminder goes out.</summary>
    [Range(1, 60)] public int ReminderDaysBefore { get; set; } = 7;

    [Range(1, 200)] public int DashboardPageSize { get; set; } = 50;

    /// <summary>
    /// Days before a certificate expires that the learner (and the managers of the organization that assigned the
    /// course) get the first reminder; a recurring assignment re-enrols the learner then, due on the expiry date.
    /// </summary>
    [Range(1, 365)] public int ExpiryReminderDaysBefore { get; set; } = 60;

    /// <summary>Days before expiry of the last reminder; at most <see cref="ExpiryReminderDaysBefore"/>.</summary>
    [Range(1, 365)] public int ExpiryFinalReminderDaysBefore { get; set; } = 14;

    public bool HasValidExpiryStages => ExpiryFinalReminderDaysBefore <= ExpiryReminderDaysBefore;
}
