using System.Globalization;
using IQLearning.Web.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

public sealed record MailRecipient(string Email, string? Name, string Language);

/// <summary>The mails of this feature, each written in its recipient's language and queued in the caller's transaction.</summary>
public sealed class OrganizationMails(MailOutbox outbox, IStringLocalizer<OrganizationMails> t)
{
    public Task InvitationAsync(MailRecipient to, string organization, string link, DateTime expiresAt) =>
        QueueAsync(to, null, "Organizations.Mail.Invitation.Subject", [organization],
            "Organizations.Mail.Invitation.Body", () => [Greeting(to), organization, link, expiresAt.ToString("d", CultureInfo.CurrentCulture)]);

    /// <param name="optOutLink">For an optional course: turns off this course's reminders; <paramref name="settingsLink"/> turns off all of them.</param>
    public Task ReminderAsync(MailRecipient to, string kind, string course, DateTime dueAt, string courseLink, string? optOutLink, string? settingsLink = null) =>
        QueueAsync(to, null, $"Organizations.Mail.Reminder.{Key(kind)}.Subject", [course],
            $"Organizations.Mail.Reminder.{Key(kind)}.Body", () => [Greeting(to), course, dueAt.ToString("d", CultureInfo.CurrentCulture), courseLink],
            optOutLink, settingsLink is null ? "Organizations.Mail.OptOut" : "Organizations.Mail.OptOutOrSettings", settingsLink);

    public Task NewCycleAsync(MailRecipient to, string course, DateTime dueAt, string courseLink) =>
        QueueAsync(to, null, "Organizations.Mail.NewCycle.Subject", [course],
            "Organizations.Mail.NewCycle.Body", () => [Greeting(to), course, dueAt.ToString("d", CultureInfo.CurrentCulture), courseLink]);

    /// <param name="settingsLink">For a non-mandatory course: where the learner turns these reminders off.</param>
    public Task ExpiryAsync(MailRecipient to, string course, DateTime expiresAt, bool reEnrolled, string courseLink, string? settingsLink) =>
        QueueAsync(to, null, "Organizations.Mail.Expiry.Subject", [course],
            reEnrolled ? "Organizations.Mail.Expiry.ReEnrolledBody" : "Organizations.Mail.Expiry.Body",
            () => [Greeting(to), course, expiresAt.ToString("d", CultureInfo.CurrentCulture), courseLink], settingsLink, "Organizations.Mail.Expiry.Settings");

    /// <param name="lines">One line per learner whose certificate expires — or per course with a count when the organization sees no names.</param>
    public Task ExpiryToManagerAsync(MailRecipient to, string organization, IReadOnlyList<string> lines, string dashboardLink) =>
        QueueAsync(to, null, "Organizations.Mail.ManagerExpiry.Subject", [organization],
            "Organizations.Mail.ManagerExpiry.Body", () => [Greeting(to), organization, string.Join("\n", lines.Select(l => "- " + l)), dashboardLink]);

    /// <param name="lines">One line per overdue learner — or per course with a count when the organization sees no names.</param>
    public Task EscalationAsync(MailRecipient to, string organization, IReadOnlyList<string> lines, string dashboardLink) =>
        QueueAsync(to, null, "Organizations.Mail.Escalation.Subject", [organization],
            "Organizations.Mail.Escalation.Body", () => [Greeting(to), organization, string.Join("\n", lines.Select(l => "- " + l)), dashboardLink]);

    public Task DigestAsync(MailRecipient to, string organization, IReadOnlyList<string> lines, string dashboardLink, string deduplicationKey) =>
        QueueAsync(to, deduplicationKey, "Organizations.Mail.Digest.Subject", [organization],
            "Organizations.Mail.Digest.Body", () => [Greeting(to), organization, string.Join("\n", lines.Select(l => "- " + l)), dashboardLink]);

    /// <summary>Runs <paramref name="write"/> in the recipient's language, for texts that go into a mail.</summary>
    public static T InLanguage<T>(string language, Func<T> write)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var chosen = language == "en" ? "en" : "de";
        // Texts in de/en; dates as the site formats them for that language (de-DE, en-GB: day before month).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chosen);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(IQLearning.Web.Infrastructure.Localization.FormattingCultures.For(chosen));
        try { return write(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }

    private static string Key(string kind) => kind switch
    {
        ReminderKinds.BeforeDue => "BeforeDue",
        ReminderKinds.Due => "Due",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No learner reminder of this kind."),
    };

    private string Greeting(MailRecipient to) => string.IsNullOrWhiteSpace(to.Name) ? t["Organizations.Mail.HelloAnonymous"] : t["Organizations.Mail.Hello", to.Name];

    /// <param name="optOutLink">Appended with the text <paramref name="optOutKey"/> (which may also name <paramref name="settingsLink"/>).</param>
    private async Task QueueAsync(MailRecipient to, string? deduplicationKey, string subjectKey, object[] subjectArgs,
        string bodyKey, Func<object[]> bodyArgs, string? optOutLink = null, string optOutKey = "Organizations.Mail.OptOut", string? settingsLink = null)
    {
        var (subject, body) = InLanguage(to.Language, () =>
        {
            var text = t[bodyKey, bodyArgs()].Value;
            if (optOutLink is not null) text += "\n\n" + t[optOutKey, optOutLink, settingsLink ?? ""].Value;
            return (t[subjectKey, subjectArgs].Value, text);
        });
        await outbox.AddAsync(new OutgoingMail(to.Email, to.Name, subject, body) { DeduplicationKey = deduplicationKey });
    }
}

/// <summary>The kinds in ReminderLog; with the due date they make each reminder unique.</summary>
public static class ReminderKinds
{
    public const string BeforeDue = "before-due";
    public const string Due = "due";
    public const string OverdueEscalation = "overdue-escalation";
    /// <summary>A new cycle started because the certificate expired; keyed by the certificate's expiry.</summary>
    public const string Expiry = "expiry";
    /// <summary>The learner turned off reminders of an optional assignment; keyed by <see cref="OptOutKey"/>.</summary>
    public const string OptOut = "opt-out";

    /// <summary>An opt-out holds for every cycle of the enrollment, so it is stored under one fixed date.</summary>
    public static readonly DateTime OptOutKey = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
}
