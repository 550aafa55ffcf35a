using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Notifications;

/// <summary>The site sending through a relay that counts SMTP connections.</summary>
public sealed class BatchSite : SiteFactory
{
    public BatchSite()
    {
        Proxy = new CountingSmtpProxy(SmtpPort);
        WithSetting("Mail:Smtp:Port", Proxy.Port.ToString());
    }

    public CountingSmtpProxy Proxy { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Proxy.Dispose();
    }
}

[Collection(SiteCollection.Name)]
public sealed class OutboxBatchTests(BatchSite site) : IClassFixture<BatchSite>
{
    [Fact]
    public async Task Due_mails_go_out_fifty_over_one_smtp_connection_each_marked_sent_with_its_message_id()
    {
        var queued = await QueueLaterAsync("batch", 60);
        var connectionsBefore = site.Proxy.Connections;

        using (var scope = site.Services.CreateScope())
            Assert.Equal(60, await Dispatcher(scope).DeliverDueAsync(CancellationToken.None));

        Assert.Equal(2, site.Proxy.Connections - connectionsBefore); // 50 + 10
        await AssertEachSentOnceAsync(queued);
    }

    [Fact]
    public async Task Two_dispatchers_sweeping_at_once_send_every_mail_exactly_once()
    {
        var queued = await QueueLaterAsync("race", 120);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var scope = site.Services.CreateScope();
            await Dispatcher(scope).DeliverDueAsync(CancellationToken.None);
        }));

        await AssertEachSentOnceAsync(queued);
    }

    // The mails are due only tomorrow, so neither the send job their commit starts nor the site's sweep touches them;
    // the dispatchers under test run on a clock two days ahead.
    private async Task<IReadOnlyList<OutboxMessage>> QueueLaterAsync(string prefix, int count)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            ToAddress = TestAccounts.Unique($"{prefix}{i}"), Subject = $"Mail {i}", TextBody = "Hallo",
            MessageId = $"{Guid.NewGuid():N}@iqlearning.test", CreatedAt = DateTime.UtcNow, NextAttemptAt = tomorrow,
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    private static OutboxDispatcher Dispatcher(IServiceScope scope) =>
        ActivatorUtilities.CreateInstance<OutboxDispatcher>(scope.ServiceProvider, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2)));

    private async Task AssertEachSentOnceAsync(IReadOnlyList<OutboxMessage> queued)
    {
        var received = await ReceivedAsync(queued.Select(m => m.ToAddress).ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var message in queued)
            Assert.Equal(message.MessageId, Assert.Single(received[message.ToAddress]));

        using var scope = site.Services.CreateScope();
        var ids = queued.Select(m => m.Id).ToList();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id)).ToListAsync();
        Assert.Equal(queued.Count, stored.Count);
        Assert.All(stored, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.SentAt);
            Assert.Null(m.LockedUntil);
        });
    }

    /// <summary>The Message-Ids the server received for each of the addresses, once every address has one (and a moment more).</summary>
    private async Task<ILookup<string, string>> ReceivedAsync(HashSet<string> addresses)
    {
        for (var i = 0; ; i++)
        {
            var received = site.Smtp!.ReceivedEmail
                .Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
                .SelectMany(m => m.To.Mailboxes.Select(b => (b.Address, MessageId: m.MessageId ?? "")))
                .Where(r => addresses.Contains(r.Address))
                .ToLookup(r => r.Address, r => r.MessageId, StringComparer.OrdinalIgnoreCase);
            if (received.Count == addresses.Count && i > 0) return received;
            if (i >= 200) throw new TimeoutException($"The SMTP server received mail for {received.Count} of {addresses.Count} addresses.");
            await Task.Delay(received.Count == addresses.Count ? 500 : 100);
        }
    }
}
