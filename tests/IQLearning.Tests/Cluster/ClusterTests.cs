using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IQLearning.Tests.Cluster;

/// <summary>
/// Two app processes on two loopback ports sharing one PostgreSQL database and one Redis. Starting the cluster is the
/// expensive part, so all facts share one (<see cref="ClusterSite"/>); each works on its own accounts and rows.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class ClusterTests(ClusterSite site, ITestOutputHelper output) : IClassFixture<ClusterSite>
{
    [ClusterFact]
    public async Task Two_replicas_start_together_migrate_and_seed_once_and_share_sessions_and_antiforgery_tokens()
    {
        await site.EnsureAIsRunningAsync();
        Assert.Equal(5L, await site.ScalarAsync("SELECT COUNT(*) FROM \"ContentItems\" WHERE \"Kind\" = 'Course'"));
        Assert.Equal(await site.ScalarAsync("SELECT COUNT(*) FROM \"ContentItems\""),
                     await site.ScalarAsync("SELECT COUNT(DISTINCT \"ContentItemId\") FROM \"ContentVersions\""));
        Assert.Equal(1L, await site.ScalarAsync($"SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = '{ClusterSite.SeededAdmin}'"));

        // An administrator signs in on A with password and authenticator code …
        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var browser = site.NewClient();
        await ClusterClient.SignInAsync(browser.OnA, site, admin);
        // … the sign-in cookie from A opens an administrator page on B …
        Assert.Equal(HttpStatusCode.OK, (await browser.OnB.Http.GetAsync("/admin/users")).StatusCode);
        // … and a form rendered by A posts successfully to B.
        var (_, profile) = await browser.OnA.GetAsync("/account/profile");
        var form = profile.Forms.Single(f => f.GetAttribute("action") == "/account/profile");
        var saved = await browser.OnB.PostAsync("/account/profile",
            new Dictionary<string, string> { ["DisplayName"] = "Cluster Admin", ["PreferredLanguage"] = "de" }, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Cluster Admin", await site.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [ClusterFact]
    public async Task Courses_completed_partly_on_each_replica_give_one_certificate_and_one_mail_per_recipient()
    {
        await site.EnsureAIsRunningAsync();
        var course = await ShortCourseAsync();
        var hr = TestAccounts.Unique("personal");
        var employer = await EmployerAsync(hr);
        var learners = new List<ApplicationUser>();
        for (var i = 0; i < 4; i++)
        {
            var learner = await TestAccounts.CreateAsync(site, Roles.Learner);
            await ConsentAsync(learner, employer);
            learners.Add(learner);
        }

        // All at once: enrol and do the first lesson on A, the last (completing) lesson on B.
        await Task.WhenAll(learners.Select(async learner =>
        {
            using var browser = site.NewClient();
            await ClusterClient.SignInAsync(browser.OnA, site, learner);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.OnA.SubmitAsync(
                $"/courses/{course.Slug}", $"/learn/enrol/{course.CourseItemId}", new Dictionary<string, string>())).StatusCode);
            var (first, last) = (LessonUrl(course, 0), LessonUrl(course, 1));
            Assert.Equal(HttpStatusCode.Redirect, (await browser.OnA.PostFromPageAsync(first, first + "/done")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.OnB.PostFromPageAsync(last, last + "/done")).StatusCode);
        }));

        var ids = learners.Select(l => l.Id).ToList();
        var certificates = await site.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => ids.Contains(c.UserId!))
            .Select(c => new { c.Id, c.UserId, c.Number }).ToListAsync());
        Assert.Equal(ids.Order(), certificates.Select(c => c.UserId!).Order()); // exactly one each
        var certificateIds = certificates.Select(c => c.Id).ToList();
        var deliveries = await site.WithDbAsync(db => db.CertificateDeliveries.AsNoTracking().Where(d => certificateIds.Contains(d.CertificateId))
            .Select(d => new { d.CertificateId, d.RecipientKind, d.Address, d.LawfulBasis, d.OutboxMessageId }).ToListAsync());
        foreach (var certificate in certificates)
        {
            var own = deliveries.Where(d => d.CertificateId == certificate.Id).OrderBy(d => d.RecipientKind).ToList();
            Assert.Equal(2, own.Count);
            Assert.Equal(("learner", learners.Single(l => l.Id == certificate.UserId).Email!.ToLowerInvariant()), (own[0].RecipientKind, own[0].Address));
            Assert.Equal(("organization", hr, "consent"), (own[1].RecipientKind, own[1].Address, own[1].LawfulBasis));
        }

        // What the SMTP server received: every mail once, whichever replica's job server sent it.
        var expected = await MessageIdsAsync(deliveries.Select(d => d.OutboxMessageId!.Value));
        await WaitUntilAllSentAsync(deliveries.Select(d => d.OutboxMessageId!.Value).ToList(), TimeSpan.FromSeconds(60));
        foreach (var learner in learners)
        {
            var mail = Assert.Single(Mailbox.To(site.Smtp!, learner.Email!));
            Assert.Contains(certificates.Single(c => c.UserId == learner.Id).Number, mail.TextBody);
        }
        var toEmployer = Mailbox.To(site.Smtp!, hr);
        Assert.Equal(learners.Count, toEmployer.Count);
        Assert.Equal(certificates.Select(c => c.Number).Order(),
            toEmployer.Select(m => certificates.Single(c => m.TextBody!.Contains(c.Number)).Number).Order());
        var received = toEmployer.Concat(learners.SelectMany(l => Mailbox.To(site.Smtp!, l.Email!))).Select(m => m.MessageId);
        Assert.Equal(expected.Order(), received.Order());
    }

    private static string LessonUrl(CourseOutline course, int index) => $"/learn/{course.Slug}/{course.Lessons.ElementAt(index).Slug}";

    private async Task<CourseOutline> ShortCourseAsync()
    {
        using var scope = site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CourseOutlines>().FindAsync(ClusterSite.ShortCourse, null, default))!.Outline;
    }

    private Task<Organization> EmployerAsync(string recipient) => site.WithDbAsync(async db =>
    {
        var employer = new Organization { Name = "Cluster GmbH " + Guid.NewGuid().ToString("N")[..6], Kind = OrganizationKind.Employer,
            CertificateRecipients = recipient, CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(employer);
        await db.SaveChangesAsync();
        return employer;
    });

    private Task ConsentAsync(ApplicationUser learner, Organization employer) => site.WithDbAsync(async db =>
    {
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = employer.Id, UserId = learner.Id, JoinedAt = DateTime.UtcNow });
        db.CertificateConsents.Add(new CertificateConsent { UserId = learner.Id, OrganizationId = employer.Id, GivenAt = DateTime.UtcNow.AddMinutes(-1) });
        return await db.SaveChangesAsync();
    });

    private Task<HashSet<string>> MessageIdsAsync(IEnumerable<Guid> outboxIds)
    {
        var ids = outboxIds.ToList();
        return site.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.MessageId).ToListAsync())
            .Select(id => id.Trim('<', '>')).ToHashSet());
    }

    /// <summary>Waits until every one of the outbox messages is marked sent (and so was handed to the SMTP server).</summary>
    private async Task WaitUntilAllSentAsync(IReadOnlyCollection<Guid> outboxIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await UnsentAsync(outboxIds) is var unsent && unsent > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{unsent} of {outboxIds.Count} mails not sent within {timeout}.");
            await Task.Delay(200);
        }
    }

    private Task<int> UnsentAsync(IReadOnlyCollection<Guid> outboxIds) => site.WithDbAsync(db =>
        db.OutboxMessages.AsNoTracking().CountAsync(m => outboxIds.Contains(m.Id) && m.Status != Web.Features.Notifications.OutboxStatus.Sent));
}
