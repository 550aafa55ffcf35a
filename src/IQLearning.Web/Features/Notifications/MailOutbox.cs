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
    public async Task<OutboxMessage?> AddAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
        (await AddRangeAsync([mail], cancellationToken))[0];

    /// <summary>
    /// Queues several mails with one look-up of their deduplication keys instead of one a mail. Returns, in the order of
    /// <paramref name="mails"/>, each queued message, or null where a mail with that key is queued already.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage?>> AddRangeAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        var keys = mails.Select(m => m.DeduplicationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var taken = new HashSet<string>(db.OutboxMessages.Local.Select(m => m.DeduplicationKey).OfType<string>(), StringComparer.Ordinal);
        if (keys.Any(k => !taken.Contains(k)))
            taken.UnionWith(await db.OutboxMessages.Where(m => keys.Contains(m.DeduplicationKey!)).Select(m => m.DeduplicationKey!).ToListAsync(cancellationToken));

        var now = clock.GetUtcNow().UtcDateTime;
        var domain = options.Value.FromAddress.Split('@').Last();
        var added = new List<OutboxMessage?>(mails.Count);
        foreach (var mail in mails)
        {
            if (mail.DeduplicationKey is { } key && !taken.Add(key))
            {
                added.Add(null);
                continue;
            }
            var message = NewMessage(mail, now, domain);
            db.OutboxMessages.Add(message);
            added.Add(message);
        }
        return added;
    }

    private static OutboxMessage NewMessage(OutgoingMail mail, DateTime now, string domain) => new()
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
}
