using IQLearning.Web.Data;
using IQLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Accessibility;

public enum AnswerOutcome { Answered, AnsweredAndMailed, NotFound, AlreadyAnswered }

/// <summary>
/// Stores an administrator's answer to a report and, when the reporter left an address, queues it as a mail — both
/// with the audit entry in one SaveChanges. A report is answered once: the stored answer is what the reporter got.
/// </summary>
public sealed class AnswerFeedback(AppDbContext db, FeedbackMails mails, AuditTrail audit, TimeProvider clock)
{
    public async Task<AnswerOutcome> HandleAsync(int id, AnswerForm form, string administratorId, CancellationToken cancellationToken)
    {
        var report = await db.AccessibilityFeedback.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (report is null) return AnswerOutcome.NotFound;
        if (report.AnsweredAt is not null) return AnswerOutcome.AlreadyAnswered;

        (report.Answer, report.AnsweredAt, report.AnsweredById) = (form.Answer.Trim(), clock.GetUtcNow().UtcDateTime, administratorId);
        var mailed = report.Email is not null;
        if (mailed) await mails.AnsweredAsync(report, form.Language, cancellationToken);
        audit.Record("accessibility-feedback.answered", administratorId, $"accessibility-feedback:{report.Id}", mailed ? "mailed" : "no address");
        await db.SaveChangesAsync(cancellationToken);
        return mailed ? AnswerOutcome.AnsweredAndMailed : AnswerOutcome.Answered;
    }
}
