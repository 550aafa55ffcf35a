using IQLearning.Web.Data;
using IQLearning.Web.Features.Audit;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Privacy;

public sealed record RetentionReport(int UnconfirmedAccounts, int Mails, int MailFiles, int AuditEvents)
{
    public bool RemovedAnything => UnconfirmedAccounts + Mails + MailFiles + AuditEvents > 0;
}

/// <summary>
/// The daily deletion run behind the retention table of the privacy notice (storage limitation, Art. 5 (1)(e)).
/// Every rule is "older than the period on the clock now", so a run repeated on the same day, or after a missed
/// day, removes exactly what is due and nothing else; a run that removes nothing leaves no trace either.
/// </summary>
public sealed class RetentionJob(AppDbContext db, IOptions<PrivacyOptions> options, TimeProvider clock, MailPickupDirectory pickup)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var periods = options.Value;
        var mailCutoff = now.AddDays(-periods.MailRecordDays);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accounts = await DeleteUnconfirmedAccountsAsync(now.AddDays(-periods.UnconfirmedAccountDays), cancellationToken);
        var mails = await DeleteMailRecordsAsync(mailCutoff, cancellationToken);
        // The database refuses UPDATE on audit events but allows DELETE, for exactly this.
        var events = await db.AuditEvents.Where(e => e.At < now.AddDays(-periods.AuditEventDays)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var files = DeleteMailFiles(mailCutoff);

        var report = new RetentionReport(accounts, mails, files, events);
        if (report.RemovedAnything)
        {
            // The deletion log of the data registry: counts only, never what was deleted.
            db.AuditEvents.Add(new AuditEvent
            {
                At = now, Action = "privacy.retention",
                Detail = $"unconfirmed accounts: {accounts}; mails: {mails}; mail files: {files}; audit events: {events}",
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return report;
    }

    /// <summary>
    /// Registrations whose address was never confirmed. Placeholder accounts of deleted learners have no address and
    /// are not registrations, so they stay; the database's cascades remove the roles and anything else of the account.
    /// </summary>
    private Task<int> DeleteUnconfirmedAccountsAsync(DateTime cutoff, CancellationToken ct) =>
        db.Users.Where(u => !u.EmailConfirmed && u.Email != null && u.CreatedAt < cutoff).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Sent mails count from when they were sent, failed ones from when they were written (the outbox keeps no time of
    /// the last attempt). Pending and sending mails are still in work and are never removed.
    /// </summary>
    private async Task<int> DeleteMailRecordsAsync(DateTime cutoff, CancellationToken ct)
    {
        var expired = db.OutboxMessages.Where(m =>
            (m.Status == OutboxStatus.Sent && (m.SentAt ?? m.CreatedAt) < cutoff) || (m.Status == OutboxStatus.Failed && m.CreatedAt < cutoff));
        await db.OutboxAttachments.Where(a => expired.Any(m => m.Id == a.OutboxMessageId)).ExecuteDeleteAsync(ct);
        return await expired.ExecuteDeleteAsync(ct);
    }

    /// <summary>The .eml copies the pickup folder keeps when no SMTP server is configured are mail records too.</summary>
    private int DeleteMailFiles(DateTime cutoff)
    {
        var deleted = 0;
        foreach (var file in pickup.Files().Where(f => f.LastWriteTimeUtc < cutoff))
        {
            try { file.Delete(); deleted++; }
            catch (IOException) { } // still being written or already gone: the next run takes it
        }
        return deleted;
    }
}
