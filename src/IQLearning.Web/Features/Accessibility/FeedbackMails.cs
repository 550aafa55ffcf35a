using System.Globalization;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Infrastructure;
using IQLearning.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>
/// The two mails of a report: the report to the recipient (in German, the operator's language) and the answer to the
/// reporter (in the language the administrator chose, since the report's language is not stored).
/// The keys make a retried request queue each mail once.
/// </summary>
public sealed class FeedbackMails(MailOutbox outbox, IStringLocalizer<FeedbackMails> t, PublicLinks links)
{
    public Task ReportedAsync(AccessibilityFeedback report, string recipient, CancellationToken cancellationToken) =>
        InLanguage(TextCatalog.DefaultCulture, () => outbox.AddAsync(new OutgoingMail(recipient, null,
            t["Accessibility.Mail.Report.Subject", report.Id],
            t["Accessibility.Mail.Report.Body", Or(report.Name), Or(report.Email), Or(report.PageUrl), report.Message,
                links.Absolute($"/admin/accessibility-feedback/{report.Id}")])
        {
            DeduplicationKey = $"accessibility-feedback:{report.Id}:report",
        }, cancellationToken));

    public Task AnsweredAsync(AccessibilityFeedback report, string language, CancellationToken cancellationToken) =>
        InLanguage(language, () => outbox.AddAsync(new OutgoingMail(report.Email!, report.Name,
            t["Accessibility.Mail.Answer.Subject"],
            t["Accessibility.Mail.Answer.Body", report.Answer!, report.Message, links.Absolute("/barrierefreiheit")])
        {
            DeduplicationKey = $"accessibility-feedback:{report.Id}:answer",
        }, cancellationToken));

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "–" : value;

    private static async Task InLanguage(string language, Func<Task<OutboxMessage?>> queue)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(FormattingCultures.For(language));
        try { await queue(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
