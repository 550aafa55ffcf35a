using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Notifications;

/// <summary>A mail to queue; <see cref="DeduplicationKey"/> makes queuing it twice a no-op.</summary>
public sealed record OutgoingMail(string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody = null)
{
    public string? DeduplicationKey { get; init; }
    public IReadOnlyList<(string FileName, string ContentType, byte[] Content)> Attachments { get; init; } = [];
}

/// <summary>
/// Adds mails to the outbox of the current DbContext. Nothing is sent here: the caller's SaveChanges (or the
/// commit of its transaction) stores the mail together with the change that caused it, and then it is dispatched.
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options)
{
    public async Task<OutboxMessage?> AddAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (mail.DeduplicationKey is { } key &&
            (db.OutboxMessages.Local.Any(m => m.DeduplicationKey == key) ||
             await db.OutboxMessages.AnyAsync(m => m.DeduplicationKey == key, cancellationToken)))
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var domain = options.Value.FromAddress.Split('@').Last();
        var message = new OutboxMessage
        {
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            MessageId = $"{Guid.NewGuid():N}@{domain}",
            DeduplicationKey = mail.DeduplicationKey,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = mail.Attachments.Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }).ToList(),
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
