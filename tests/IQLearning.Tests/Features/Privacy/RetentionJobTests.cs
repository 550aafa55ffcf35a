using Hangfire;
using Hangfire.Storage;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Audit;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IQLearning.Tests.Features.Privacy;

/// <summary>
/// One site for one scenario: the job's counts cover the whole database, so nothing else may write to it meanwhile.
/// Every record sits one day either side of its limit, so a rule that is off by a day fails.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RetentionJobTests(PrivacySite site) : IClassFixture<PrivacySite>
{
    [Fact]
    public async Task Each_run_removes_exactly_what_has_outlived_its_period_and_a_second_run_removes_nothing()
    {
        var t0 = site.Now;
        var seeded = await SeedAsync(t0);

        var first = await RunAsync();

        Assert.Equal(new RetentionReport(UnconfirmedAccounts: 1, Mails: 2, MailFiles: 1, AuditEvents: 1), first);
        await site.WithDbAsync(async db =>
        {
            Assert.Equal(["unconfirmed-6", "confirmed-100", "placeholder"], await UserMarkersAsync(db, seeded));
            Assert.Equal(["pending-200", "sending-200", "sent-89"], await MailMarkersAsync(db));
            Assert.False(await db.OutboxAttachments.AnyAsync(a => a.FileName == "sent-91.pdf"));
            Assert.True(await db.OutboxAttachments.AnyAsync(a => a.FileName == "sent-89.pdf"));
            Assert.Equal(["audit-364"], await AuditMarkersAsync(db));
            var log = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "privacy.retention");
            Assert.Equal("unconfirmed accounts: 1; mails: 2; mail files: 1; audit events: 1", log.Detail);
            Assert.Null(log.ActorId);
        });
        Assert.Equal(["kept.eml"], MailFiles());

        Assert.Equal(new RetentionReport(0, 0, 0, 0), await RunAsync());
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "privacy.retention")));

        // Two days on, the records that were one day short are due; the placeholder and the confirmed account never are.
        site.Clock.Advance(TimeSpan.FromDays(2));
        File.SetLastWriteTimeUtc(Path.Combine(MailFolder, "kept.eml"), t0.AddDays(-89));
        Assert.Equal(new RetentionReport(UnconfirmedAccounts: 1, Mails: 1, MailFiles: 1, AuditEvents: 1), await RunAsync());
        await site.WithDbAsync(async db =>
        {
            Assert.Equal(["confirmed-100", "placeholder"], await UserMarkersAsync(db, seeded));
            Assert.Equal(["pending-200", "sending-200"], await MailMarkersAsync(db));
            Assert.Empty(await AuditMarkersAsync(db));
        });
    }

    [Fact]
    public void The_job_is_scheduled_daily_under_its_own_id()
    {
        using var connection = site.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Single(j => j.Id == PrivacyServiceCollectionExtensions.RetentionJobId);

        Assert.Equal(Cron.Daily(3), job.Cron);
        Assert.Equal(typeof(RetentionJob), job.Job.Type);
    }

    private string MailFolder => Path.Combine(site.DataDirectory, "mail");

    private string[] MailFiles() => Directory.GetFiles(MailFolder, "*.eml").Select(Path.GetFileName).Order().ToArray()!;

    private Task<RetentionReport> RunAsync() => site.WithServiceAsync<RetentionJob, RetentionReport>(job => job.RunAsync(CancellationToken.None));

    private async Task<Dictionary<string, string>> SeedAsync(DateTime t0)
    {
        var users = new Dictionary<string, string>();
        await site.WithDbAsync(async db =>
        {
            foreach (var (marker, confirmed, days, email) in new[]
            {
                ("unconfirmed-8", false, 8, true), ("unconfirmed-6", false, 6, true), ("confirmed-100", true, 100, true), ("placeholder", false, 400, false),
            })
            {
                var name = email ? $"{marker}-{Guid.NewGuid():N}@example.org" : DeleteMyAccount.PlaceholderUserNamePrefix + Guid.NewGuid().ToString("N");
                var user = new ApplicationUser
                {
                    UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = email ? name : null, NormalizedEmail = email ? name.ToUpperInvariant() : null,
                    EmailConfirmed = confirmed, DisplayName = marker, CreatedAt = t0.AddDays(-days), SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                users[user.Id] = marker;
            }
            db.OutboxMessages.AddRange(
                Mail("sent-91", OutboxStatus.Sent, created: t0.AddDays(-95), sent: t0.AddDays(-91)),
                Mail("sent-89", OutboxStatus.Sent, created: t0.AddDays(-95), sent: t0.AddDays(-89)),
                Mail("failed-91", OutboxStatus.Failed, created: t0.AddDays(-91), sent: null),
                Mail("pending-200", OutboxStatus.Pending, created: t0.AddDays(-200), sent: null),
                Mail("sending-200", OutboxStatus.Sending, created: t0.AddDays(-200), sent: null));
            db.AuditEvents.AddRange(
                new AuditEvent { At = t0.AddDays(-366), Action = "test.retention", Detail = "audit-366" },
                new AuditEvent { At = t0.AddDays(-364), Action = "test.retention", Detail = "audit-364" });
            await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(MailFolder);
        foreach (var (file, days) in new[] { ("old.eml", 91), ("kept.eml", 1) })
        {
            var path = Path.Combine(MailFolder, file);
            await File.WriteAllTextAsync(path, "Subject: test\r\n\r\nbody");
            File.SetLastWriteTimeUtc(path, t0.AddDays(-days));
        }
        return users;
    }

    private static OutboxMessage Mail(string marker, OutboxStatus status, DateTime created, DateTime? sent) => new()
    {
        ToAddress = "someone@example.org", Subject = marker, TextBody = marker, MessageId = $"<{Guid.NewGuid():N}@test>", Status = status,
        CreatedAt = created, NextAttemptAt = created.AddYears(10), SentAt = sent,
        Attachments = [new OutboxAttachment { FileName = marker + ".pdf", ContentType = "application/pdf", Content = [1] }],
    };

    private static async Task<List<string>> UserMarkersAsync(AppDbContext db, Dictionary<string, string> seeded)
    {
        var ids = seeded.Keys.ToList();
        var left = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync();
        return seeded.Where(kv => left.Contains(kv.Key)).Select(kv => kv.Value).ToList();
    }

    private static async Task<List<string>> MailMarkersAsync(AppDbContext db) =>
        (await db.OutboxMessages.Select(m => m.Subject).ToListAsync()).Order(StringComparer.Ordinal).ToList();

    private static Task<List<string>> AuditMarkersAsync(AppDbContext db) =>
        db.AuditEvents.Where(e => e.Action == "test.retention").Select(e => e.Detail!).ToListAsync();
}

/// <summary>The periods are bound from configuration and checked when the site starts.</summary>
[Collection(SiteCollection.Name)]
public sealed class PrivacyOptionsTests
{
    [Fact]
    public async Task Configured_periods_are_bound_and_the_privacy_notice_states_them()
    {
        using var site = new SiteFactory(startSmtp: false, useSmtp: false)
            .WithSetting("Privacy:UnconfirmedAccountDays", "3").WithSetting("Privacy:MailRecordDays", "30").WithSetting("Privacy:AuditEventDays", "180");

        var options = site.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        using var client = SiteClient.For(site);
        var notice = (await client.GetAsync("/datenschutz")).Page.QuerySelector("#retention-caption")!.ParentElement!.TextContent;

        Assert.Equal((3, 30, 180), (options.UnconfirmedAccountDays, options.MailRecordDays, options.AuditEventDays));
        Assert.Contains("3 Tage nach der Registrierung", notice);
        Assert.Contains("30 Tage nach dem Versand", notice);
        Assert.Contains("180 Tage", notice);
    }

    [Theory]
    [InlineData("Privacy:MailRecordDays", "0")]
    [InlineData("Privacy:AuditEventDays", "-1")]
    [InlineData("Privacy:UnconfirmedAccountDays", "100000")]
    public void An_impossible_period_stops_the_start(string key, string value)
    {
        using var site = new SiteFactory(startSmtp: false, useSmtp: false).WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => site.Services);

        Assert.Contains(key.Split(':')[1], error.ToString());
    }
}
