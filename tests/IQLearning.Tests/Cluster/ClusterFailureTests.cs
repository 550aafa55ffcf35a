using System.Diagnostics;
using System.Net;
using Hangfire;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Cluster;

/// <summary>What the cluster does when a replica dies, and when PostgreSQL or Redis goes away while it runs.</summary>
public sealed partial class ClusterTests
{
    private const int Batch = 200;

    /// <remarks>
    /// The site issues a completion's certificate in the completing request and has no issuing job of its own (the bulk
    /// issue of a CSV is one transaction in its request: a killed replica rolls it back whole). A batch of completions
    /// certified by the job servers is therefore enqueued here as one Hangfire job per completion, calling the same
    /// <see cref="IssueCertificate.IssueAsync"/> a completion calls, keyed by enrollment and completion time.
    /// </remarks>
    [ClusterFact]
    public async Task A_replica_killed_in_the_middle_of_200_certificate_issues_leaves_nothing_lost_or_duplicated()
    {
        var course = await ShortCourseAsync();
        var requests = await CompletedEnrollmentsAsync(course.CourseItemId, course.VersionId);
        var enrollmentIds = requests.Select(r => r.EnrollmentId!.Value).ToList();
        var jobs = site.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var request in requests) jobs.Enqueue<IssueCertificate>(issue => issue.IssueAsync(request, CancellationToken.None));

        // SIGKILL replica A once some but not all certificates are stored.
        var issued = await WaitForAsync(() => CertificatesAsync(enrollmentIds), n => n >= Batch / 8, TimeSpan.FromMinutes(2));
        var killedPid = site.A.ProcessId;
        site.A.Kill();
        var atKill = await CertificatesAsync(enrollmentIds);
        Assert.True(atKill < Batch, $"All {Batch} certificates were issued before replica A was killed ({issued} seen): the test proves nothing.");
        Assert.True(await IssueJobsProcessedByAsync(killedPid) > 0, "Replica A ran none of the issue jobs before it was killed.");

        // B finishes the batch, including the jobs A had fetched (they come back after the invisibility timeout).
        await WaitForAsync(() => CertificatesAsync(enrollmentIds), n => n >= Batch, TimeSpan.FromMinutes(3));
        Assert.True(await IssueJobsProcessedByAsync(site.B.ProcessId) > 0);
        await site.RestartAAsync();

        var deliveries = await site.WithDbAsync(db => db.CertificateDeliveries.AsNoTracking()
            .Where(d => db.Certificates.Any(c => c.Id == d.CertificateId && enrollmentIds.Contains(c.EnrollmentId!.Value)))
            .Select(d => new { d.CertificateId, d.Address, d.RecipientKind, d.OutboxMessageId }).ToListAsync());
        var outboxIds = deliveries.Select(d => d.OutboxMessageId!.Value).ToList();
        var resent = await ReleaseMailsClaimedByTheKilledReplicaAsync(outboxIds);
        await WaitUntilAllSentAsync(outboxIds, TimeSpan.FromMinutes(2));

        // The tables: 200 certificates, one each, one learner delivery each.
        Assert.Equal(Batch, await CertificatesAsync(enrollmentIds));
        Assert.Equal(Batch, await site.WithDbAsync(db => db.Certificates.Where(c => enrollmentIds.Contains(c.EnrollmentId!.Value)).Select(c => c.EnrollmentId).Distinct().CountAsync()));
        Assert.Equal(Batch, deliveries.Count);
        Assert.Equal(Batch, deliveries.Select(d => d.CertificateId).Distinct().Count());
        Assert.All(deliveries, d => Assert.Equal(RecipientKinds.Learner, d.RecipientKind));
        // The SMTP server: one mail per certificate. Only a mail that A had handed to the server but not yet marked sent
        // when it died is sent again once its claim expires — SMTP has no way to ask whether a mail arrived; the copy
        // carries the same Message-ID, so a mail client shows it once.
        var expected = await MessageIdsAsync(outboxIds);
        var received = requests.SelectMany(r => Mailbox.To(site.Smtp!, r.HolderEmail)).Select(m => m.MessageId).ToList();
        Assert.Equal(expected.Order(), received.Distinct().Order());
        Assert.Equal(Batch + resent, received.Count);
        output.WriteLine($"killed A at {atKill}/{Batch} certificates; {resent} mail(s) in flight on A were sent again");
    }

    [ClusterFact]
    public async Task Redis_and_then_PostgreSQL_going_away_gives_errors_and_the_site_recovers_without_a_restart()
    {
        var learner = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var browser = site.NewClient();
        await ClusterClient.SignInAsync(browser.OnA, site, learner);
        await AssertServesAsync(browser);

        site.Redis.Close();
        try
        {
            await WaitForAsync(() => HealthAsync(site.A), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            await WaitForAsync(() => HealthAsync(site.B), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        }
        finally { site.Redis.Open(); }
        Assert.False(site.A.HasExited || site.B.HasExited);
        output.WriteLine($"after Redis returned: serving again in {await RecoveryAsync(browser)}");

        site.Postgres.Close();
        try
        {
            await WaitForAsync(() => StatusAsync(browser.OnA, "/learn"), s => (int)s >= 500, TimeSpan.FromSeconds(30));
            await WaitForAsync(() => StatusAsync(browser.OnB, "/learn"), s => (int)s >= 500, TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(site.A));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(site.B));
        }
        finally { site.Postgres.Open(); }
        Assert.False(site.A.HasExited || site.B.HasExited);
        output.WriteLine($"after PostgreSQL returned: serving again in {await RecoveryAsync(browser)}");
    }

    /// <summary>Both replicas answer /health with 200 and serve the signed-in dashboard, within 30 s.</summary>
    private async Task<TimeSpan> RecoveryAsync(ClusterClient browser)
    {
        var clock = Stopwatch.StartNew();
        await WaitForAsync(() => HealthAsync(site.A), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await WaitForAsync(() => HealthAsync(site.B), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await WaitForAsync(() => StatusAsync(browser.OnA, "/learn"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await WaitForAsync(() => StatusAsync(browser.OnB, "/learn"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await AssertServesAsync(browser);
        return clock.Elapsed;
    }

    private static async Task AssertServesAsync(ClusterClient browser)
    {
        foreach (var client in new[] { browser.OnA, browser.OnB })
        {
            var (status, page) = await client.GetAsync("/learn");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(page.QuerySelector("main"));
        }
    }

    private static async Task<HttpStatusCode> HealthAsync(Replica replica)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try { return (await http.GetAsync(replica.BaseUrl + "/health")).StatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return 0; }
    }

    private static async Task<HttpStatusCode> StatusAsync(SiteClient client, string url)
    {
        try { return (await client.Http.GetAsync(url)).StatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return 0; }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still {value} after {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>200 learners whose enrollments of the course were completed a moment ago, and the request certifying each.</summary>
    private Task<List<CertificateRequest>> CompletedEnrollmentsAsync(int courseItemId, int versionId) => site.WithDbAsync(async db =>
    {
        var completedAt = DateTime.UtcNow.AddSeconds(-5);
        var batch = Guid.NewGuid().ToString("N")[..8];
        var enrollments = new List<(ApplicationUser User, Enrollment Enrollment)>();
        for (var i = 0; i < Batch; i++)
        {
            var email = $"batch-{batch}-{i:000}@example.org";
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = $"Lernende {i:000}", CreatedAt = completedAt,
            };
            var enrollment = new Enrollment
            {
                UserId = user.Id, CourseItemId = courseItemId, Source = EnrollmentSource.Self, Status = EnrollmentStatus.Completed,
                EnrolledAt = completedAt.AddHours(-1), CompletedAt = completedAt, CompletedVersionId = versionId,
            };
            db.Users.Add(user);
            db.Enrollments.Add(enrollment);
            enrollments.Add((user, enrollment));
        }
        await db.SaveChangesAsync();
        return enrollments.Select(e => new CertificateRequest(e.User.DisplayName, e.User.Email!, e.User.Id, courseItemId, versionId, "de",
            IssueReasons.Completion, null, completedAt, EnrollmentId: e.Enrollment.Id)).ToList();
    });

    private Task<int> CertificatesAsync(List<int> enrollmentIds) =>
        site.WithDbAsync(db => db.Certificates.CountAsync(c => enrollmentIds.Contains(c.EnrollmentId!.Value)));

    /// <summary>How many issue jobs the job server of the process with this id started (Hangfire's server id holds the pid).</summary>
    private Task<long> IssueJobsProcessedByAsync(int processId) => site.ScalarAsync($"""
        SELECT COUNT(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
        WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%IssueCertificate%'
          AND s.data::jsonb ->> 'ServerId' LIKE '%:{processId}:%'
        """);

    /// <summary>
    /// A mail the killed replica had claimed stays claimed for the dispatcher's claim time (ten minutes); the test lets that
    /// time pass by moving the claim's end into the past, then starts the outbox sweep as its minutely schedule would.
    /// Returns how many of them the SMTP server had already received (those are sent a second time).
    /// </summary>
    private async Task<int> ReleaseMailsClaimedByTheKilledReplicaAsync(List<Guid> outboxIds)
    {
        // Let B and the restarted A send what they can; what is still unsent once nothing moves belongs to the dead process
        // (claimed by it, or stored by it just before it could start the send job).
        var (unsent, since) = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow - since < TimeSpan.FromSeconds(3))
        {
            var now = await UnsentAsync(outboxIds);
            if (now != unsent) (unsent, since) = (now, DateTime.UtcNow);
            await Task.Delay(250);
        }
        var claimed = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => outboxIds.Contains(m.Id) && m.Status == OutboxStatus.Sending).Select(m => m.MessageId).ToListAsync());
        output.WriteLine($"{unsent} mail(s) left unsent by the killed replica, {claimed.Count} of them claimed by it");
        if (unsent == 0) return 0;
        var alreadyReceived = site.Smtp!.ReceivedEmail.Count(m => claimed.Any(id => m.Data.Contains(id)));
        await site.WithDbAsync(db => db.OutboxMessages.Where(m => outboxIds.Contains(m.Id) && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, DateTime.UtcNow.AddSeconds(-1))));
        site.Services.GetRequiredService<IRecurringJobManager>().Trigger("mail-outbox-sweep");
        return alreadyReceived;
    }
}
