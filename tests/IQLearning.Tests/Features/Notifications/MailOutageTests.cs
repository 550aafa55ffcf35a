using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Notifications;

/// <summary>The site with its SMTP server down at first and a clock the test moves.</summary>
public sealed class OutageSite : SiteFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public OutageSite() : base(startSmtp: false) => WithServices(s => s.AddSingleton<TimeProvider>(Clock));
}

[Collection(SiteCollection.Name)]
public sealed class MailOutageTests(OutageSite site) : IClassFixture<OutageSite>
{
    [Fact]
    public async Task Unreachable_smtp_server_leaves_the_mail_in_the_outbox_with_the_error_and_it_goes_out_once_the_server_is_back()
    {
        var email = TestAccounts.Unique("outage");
        using var client = SiteClient.For(site);
        await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Olga", ["Email"] = email, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
        });

        var failed = await WaitForAsync(email, m => m.Attempts >= 1);
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(failed.CreatedAt + Backoff.AfterAttempt(1), failed.NextAttemptAt);

        site.StartSmtp();
        // Not yet due: the sweep leaves it alone.
        Assert.Equal(0, await DeliverDueAsync());
        site.Clock.Advance(Backoff.AfterAttempt(1));
        Assert.Equal(1, await DeliverDueAsync());

        var sent = await WaitForAsync(email, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        var mail = await Mailbox.WaitForAsync(site.Smtp!, email);
        Assert.Contains("/account/confirm-email", mail.TextBody);

        // A second sweep or a repeated job sends nothing more.
        Assert.Equal(0, await DeliverDueAsync());
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync(sent.Id, CancellationToken.None);
        await Task.Delay(500);
        Assert.Single(Mailbox.To(site.Smtp!, email));
    }

    private async Task<int> DeliverDueAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    private async Task<OutboxMessage> WaitForAsync(string email, Func<OutboxMessage, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            using var scope = site.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ToAddress == email);
            if (message is not null && condition(message)) return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The outbox message for {email} never reached the expected state.");
    }
}
