using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IQLearning.Web.Features.Notifications;

/// <summary>
/// Sends outbox messages; run by Hangfire. A message is claimed with a conditional update first, so two workers
/// never send the same one, and a message that is already sent is left alone (the job is idempotent).
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public async Task DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id &&
                        ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) ||
                         (m.Status == OutboxStatus.Sending && m.LockedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LockedUntil, now + ClaimFor),
                cancellationToken);
        if (claimed == 0) return;

        var message = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(message, options.Value), cancellationToken);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var status = attempts >= options.Value.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
            var error = $"{ex.GetType().Name}: {ex.Message}";
            logger.LogWarning("Mail {MessageId} to {To} failed (attempt {Attempt}): {Error}", id, message.ToAddress, attempts, error);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error.Length > 2000 ? error[..2000] : error)
                .SetProperty(m => m.NextAttemptAt, now + Backoff.AfterAttempt(attempts))
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        }
    }

    /// <summary>Sends every message that is due (new, due for a retry, or abandoned by a crashed worker).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) ||
                        (m.Status == OutboxStatus.Sending && m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in due) await DeliverAsync(id, cancellationToken);
        return due.Count;
    }

    /// <summary>Puts a failed or sent message back in the queue (the admin's "send again").</summary>
    public async Task<bool> RequeueAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages.Where(m => m.Id == id && m.Status != OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), cancellationToken) == 1;
    }

    internal static MimeMessage ToMime(OutboxMessage message, MailOptions options)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId, Date = message.CreatedAt };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
