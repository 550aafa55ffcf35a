using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>The stored report, and whether it went out to a recipient or is only stored (no address configured).</summary>
public sealed record ReportReceipt(int Id, bool Mailed);

/// <summary>Stores a report from the feedback form and queues its mail to the recipient in the same transaction.</summary>
public sealed class ReportBarrier(AppDbContext db, FeedbackRecipient recipient, FeedbackMails mails, TimeProvider clock)
{
    public async Task<ReportReceipt> HandleAsync(FeedbackForm form, string? userId, CancellationToken cancellationToken)
    {
        var to = recipient.Address;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var report = new AccessibilityFeedback
            {
                ReceivedAt = clock.GetUtcNow().UtcDateTime, Name = Clean(form.Name), Email = Clean(form.Email),
                PageUrl = Clean(form.PageUrl), Message = form.Message.Trim(), UserId = userId,
            };
            db.AccessibilityFeedback.Add(report);
            // The mail links to the report's page, so the report needs its id first; the transaction keeps the two together.
            await db.SaveChangesAsync(cancellationToken);
            if (to is not null)
            {
                await mails.ReportedAsync(report, to, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new ReportReceipt(report.Id, to is not null);
        });
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
