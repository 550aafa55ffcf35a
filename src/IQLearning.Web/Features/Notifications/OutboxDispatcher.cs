using System.Diagnostics;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IQLearning.Web.Features.Notifications;

/// <summary>
/// Sends outbox messages; run by Hangfire. Messages go out in batches of up to <see cref="BatchSize"/> over one SMTP
/// connection. Each message is claimed with its own conditional update first, so two workers or replicas never send the
/// same one, and marked sent (with its fixed Message-Id) right after the server accepted it, so a crash repeats at most
/// the message in flight; a message that is already sent or claimed is left alone (the jobs are idempotent).
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, ILogger<OutboxDispatcher> logger)
{
    /// <summary>At most this many messages go over one connection.</summary>
    public const int BatchSize = 50;
    private const int SweepSize = 500;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);
    // What is not sent by then goes back to the queue, long before another worker may take over the claim.
    private static readonly TimeSpan SendFor = ClaimFor / 2;

    /// <summary>Sends one message if it is due (the admin's "send again", and send jobs queued before batches).</summary>
    public Task DeliverAsync(Guid id, CancellationToken cancellationToken) => DeliverBatchAsync([id], cancellationToken);

    /// <summary>Sends those of the messages that are due, <see cref="BatchSize"/> a connection; returns how many were sent.</summary>
    public async Task<int> DeliverBatchAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var batch in ids.Distinct().Chunk(BatchSize))
            sent += await SendClaimedAsync(await ClaimAsync(batch, cancellationToken), cancellationToken);
        return sent;
    }

    /// <summary>Sends every message that is due (new, due for a retry, or abandoned by a crashed worker).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await Due(db.OutboxMessages.AsNoTracking(), clock.GetUtcNow().UtcDateTime)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(SweepSize).ToListAsync(cancellationToken);
        await DeliverBatchAsync([.. due], cancellationToken);
        return due.Count;
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) ||
                            (m.Status == OutboxStatus.Sending && m.LockedUntil < now));

    /// <summary>
    /// Claims the batch in one transaction, one conditional update a message: a message that another worker holds or has
    /// sent updates no row and is not ours. Claiming in id order keeps two workers from deadlocking on PostgreSQL.
    /// </summary>
    private async Task<List<Guid>> ClaimAsync(Guid[] batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<Guid>(batch.Length);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var id in batch.Order())
        {
            var updated = await Due(db.OutboxMessages.Where(m => m.Id == id), now).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LockedUntil, now + ClaimFor), cancellationToken);
            if (updated == 1) claimed.Add(id);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private async Task<int> SendClaimedAsync(List<Guid> claimed, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0) return 0;
        var started = Stopwatch.GetTimestamp();
        var pending = new Queue<OutboxMessage>(await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => claimed.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken));
        IMailConnection? connection = null;
        var sent = 0;
        try
        {
            while (pending.Count > 0 && Stopwatch.GetElapsedTime(started) < SendFor)
            {
                try { connection ??= await transport.ConnectAsync(cancellationToken); }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // No server to talk to: every message of the batch counts a failed attempt and waits for its retry.
                    while (pending.TryDequeue(out var message)) await FailedAsync(message, ex);
                    break;
                }
                if (await SendAsync(connection, pending.Dequeue(), cancellationToken)) sent++;
                else
                {
                    // The conversation may be broken after an error: the next message starts a new one.
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
            if (pending.Count > 0) await ReleaseAsync([.. pending.Select(m => m.Id)]);
        }
        return sent;
    }

    private async Task<bool> SendAsync(IMailConnection connection, OutboxMessage message, CancellationToken cancellationToken)
    {
        try { await connection.SendAsync(ToMime(message, options.Value), cancellationToken); }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await FailedAsync(message, ex);
            return false;
        }
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }

    private async Task FailedAsync(OutboxMessage message, Exception ex)
    {
        var attempts = message.Attempts + 1;
        var status = attempts >= options.Value.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var error = $"{ex.GetType().Name}: {ex.Message}";
        logger.LogWarning("Mail {MessageId} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.ToAddress, attempts, error);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error.Length > 2000 ? error[..2000] : error)
            .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow().UtcDateTime + Backoff.AfterAttempt(attempts))
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Gives claimed messages that were not tried back to the queue, unchanged, for the next run.</summary>
    private Task ReleaseAsync(List<Guid> ids) =>
        db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);

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
