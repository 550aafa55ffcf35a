using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>Where reports from the accessibility statement's feedback form go, and how many one address may send.</summary>
public sealed class AccessibilityOptions
{
    public const string Section = "Accessibility";

    /// <summary>Receives every report. Empty: Site:OperatorEmail; both empty: reports are only stored (the form says so).</summary>
    public string? FeedbackRecipient { get; set; }

    /// <summary>Reports one client address may send an hour: enough for a person, too few to flood the inbox.</summary>
    [Range(1, 100_000)]
    public int FeedbackPostsPerHour { get; set; } = 10;

    internal static bool IsValidRecipient(string? address) =>
        string.IsNullOrWhiteSpace(address) || System.Net.Mail.MailAddress.TryCreate(address.Trim(), out _);
}
