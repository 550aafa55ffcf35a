using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Accounts;

/// <summary>Settings of the sign-in session (section "Accounts").</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Idle time after which the sign-in ends (sliding). ASVS 3.3.2 allows up to 30 min idle at L2 for
    /// high-risk apps; a course page is read for a long time, so two hours with a warning before the end (WCAG 2.2.1).</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 120;

    /// <summary>How long a password check counts as recent for changing the e-mail address or two-factor settings.</summary>
    [Range(1, 60)]
    public int RecentPasswordMinutes { get; set; } = 5;
}
