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
    /// Two batches of 200 run on A when it is killed. The bulk issue of a CSV list (the officers' page) is one request and one
    /// transaction: killed, it stores nothing, and the officer sends the list again to B. A completion's certificate is
    /// issued in the completing request, so the site has no issuing job of its own; a batch certified by the job servers is
    /// enqueued here as one Hangfire job per completion, calling the <see cref="IssueCertificate.IssueAsync"/> a completion
    /// calls, keyed by enrollment and completion time — B finishes that batch by itself.
    /// </remarks>
    [ClusterFact]
    public async Task A_replica_killed_in_the_middle_of_200_certificate_issues_leaves_nothing_lost_or_duplicated()
    {
        await site.EnsureAIsRunningAsync();
        var course = await ShortCourseAsync();
        var officer = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var browser = site.NewClient();
        await ClusterClient.SignInAsync(browser.OnA, site, officer);
        var list = Enumerable.Range(0, Batch).Select(i => $"liste-{Guid.NewGuid():N}@example.org").ToList();
        var bulkOnA = BulkIssueAsync(browser.OnA, course.CourseItemId, list);
        var bulkRunning = Stopwatch.StartNew();

        var requests = await CompletedEnrollmentsAsync(course.CourseItemId, course.VersionId);
        var enrollmentIds = requests.Select(r => r.EnrollmentId!.Value).ToList();
        var jobs = site.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var request in requests) jobs.Enqueue<IssueCertificate>(issue => issue.IssueAsync(request, CancellationToken.None));

        // SIGKILL replica A once some but not all certificates of the job batch are stored, with the bulk request under way.
        var issued = await WaitForAsync(() => CertificatesAsync(enrollmentIds), n => n >= Batch / 8, TimeSpan.FromMinutes(2));
        if (bulkRunning.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(TimeSpan.FromSeconds(2) - bulkRunning.Elapsed);
        Assert.False(bulkOnA.IsCompleted, "The bulk issue finished before replica A was killed: the test proves nothing.");
        var killedPid = site.A.ProcessId;
        var bulkAtKill = bulkRunning.Elapsed;
        site.A.Kill();
        var atKill = await CertificatesAsync(enrollmentIds);
        Assert.True(atKill < Batch, $"All {Batch} certificates were issued before replica A was killed ({issued} seen): the test proves nothing.");
        Assert.True(await JobsProcessedByAsync(nameof(IssueCertificate), killedPid) > 0, "Replica A ran none of the issue jobs before it was killed.");

        // The bulk request died with A and stored nothing; sent again to B, the list is issued once.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => bulkOnA);
        Assert.Equal(0, await BulkCertificatesAsync(list));
        using (var response = await BulkIssueAsync(browser.OnB, course.CourseItemId, list))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Batch, await BulkCertificatesAsync(list));

        // B finishes the job batch, including the jobs A had fetched (they come back after the invisibility timeout).
        try { await WaitForAsync(() => CertificatesAsync(enrollmentIds), n => n >= Batch, TimeSpan.FromMinutes(3)); }
        catch (TimeoutException e) { throw new TimeoutException($"{e.Message}\nIssue jobs not succeeded:\n{await UnfinishedIssueJobsAsync()}\n{site.B.Log}", e); }
        Assert.True(await JobsProcessedByAsync(nameof(IssueCertificate), site.B.ProcessId) > 0);
        await site.EnsureAIsRunningAsync();

        var holders = requests.Select(r => r.HolderEmail).Concat(list).ToList();
        var deliveries = await site.WithDbAsync(db => db.CertificateDeliveries.AsNoTracking()
            .Where(d => db.Certificates.Any(c => c.Id == d.CertificateId &&
                (enrollmentIds.Contains(c.EnrollmentId!.Value) || (c.IssuedBy == IssueReasons.Bulk && list.Contains(d.Address)))))
            .Select(d => new { d.CertificateId, d.Address, d.RecipientKind, d.OutboxMessageId }).ToListAsync());
        var outboxIds = deliveries.Select(d => d.OutboxMessageId!.Value).ToList();
        var resent = await ReleaseMailsClaimedByTheKilledReplicaAsync(outboxIds);
        await WaitUntilAllSentAsync(outboxIds, TimeSpan.FromMinutes(2));

        // The tables: 200 + 200 certificates, one per completion and one per listed person, one learner delivery each.
        Assert.Equal(Batch, await CertificatesAsync(enrollmentIds));
        Assert.Equal(Batch, await site.WithDbAsync(db => db.Certificates.Where(c => enrollmentIds.Contains(c.EnrollmentId!.Value)).Select(c => c.EnrollmentId).Distinct().CountAsync()));
        Assert.Equal(2 * Batch, deliveries.Count);
        Assert.Equal(2 * Batch, deliveries.Select(d => d.CertificateId).Distinct().Count());
        Assert.Equal(holders.Order(), deliveries.Select(d => d.Address).Order());
        Assert.All(deliveries, d => Assert.Equal(RecipientKinds.Learner, d.RecipientKind));
        // The SMTP server: one mail per certificate. Only a mail that A had handed to the server but not yet marked sent
        // when it died is sent again once its claim expires — SMTP has no way to ask whether a mail arrived; the copy
        // carries the same Message-ID, so a mail client shows it once.
        var expected = await MessageIdsAsync(outboxIds);
        var addressed = holders.ToHashSet();
        var received = site.Smtp!.ReceivedEmail.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => addressed.Contains(b.Address))).Select(m => m.MessageId).ToList();
        Assert.Equal(expected.Order(), received.Distinct().Order());
        Assert.Equal(2 * Batch + resent, received.Count);
        // Both job servers took jobs from the one queue (asserted for the issue jobs above). Mail goes out in batches, so
        // whether the restarted A also took a mail batch is up to timing; B, which saw the whole run, must have.
        var mailJobsOnA = await JobsProcessedByAsync(nameof(OutboxDispatcher.DeliverBatchAsync), killedPid)
            + await JobsProcessedByAsync(nameof(OutboxDispatcher.DeliverBatchAsync), site.A.ProcessId);
        Assert.True(await JobsProcessedByAsync(nameof(OutboxDispatcher.DeliverBatchAsync), site.B.ProcessId) > 0);
        output.WriteLine($"killed A at {atKill}/{Batch} job-issued certificates, {bulkAtKill.TotalSeconds:0.0} s into the bulk request; {resent} mail(s) in flight on A were sent again; mail batches run on A: {mailJobsOnA}");
    }

    /// <summary>Posts the officers' bulk form with a CSV of the addresses (people without an account).</summary>
    private static async Task<HttpResponseMessage> BulkIssueAsync(SiteClient officer, int courseItemId, IEnumerable<string> addresses)
    {
        var (_, page) = await officer.GetAsync("/admin/certificates/bulk");
        var token = page.QuerySelector("form[action='/admin/certificates/bulk'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var csv = "email,name\n" + string.Join("\n", addresses.Select((a, i) => $"{a},Teilnehmerin {i:000}"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(courseItemId.ToString()), "Form.CourseItemId" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, "Form.File", "liste.csv" },
        };
        return await officer.Http.PostAsync("/admin/certificates/bulk", form);
    }

    private Task<int> BulkCertificatesAsync(List<string> addresses) => site.WithDbAsync(db => db.Certificates.CountAsync(c =>
        c.IssuedBy == IssueReasons.Bulk && db.CertificateDeliveries.Any(d => d.CertificateId == c.Id && addresses.Contains(d.Address))));

    [ClusterFact]
    public async Task Redis_and_then_PostgreSQL_going_away_gives_errors_and_the_site_recovers_without_a_restart()
    {
        await site.EnsureAIsRunningAsync();
        var learner = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var browser = site.NewClient();
        await ClusterClient.SignInAsync(browser.OnA, site, learner);
        await AssertServesAsync(browser);

        site.Redis.Close();
        try
        {
            await WaitForAsync(() => HealthAsync(site.A), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            await WaitForAsync(() => HealthAsync(site.B), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            // Pages need Redis only for keys a replica does not hold yet: the key ring it loaded stays in memory.
            output.WriteLine($"without Redis: /health 503, signed-in /learn {(int)await StatusAsync(browser.OnA, "/learn")}");
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

    private async Task<string> UnfinishedIssueJobsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(site.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT j.id || ' ' || j.statename || ': ' || (SELECT string_agg(s.name || ' ' || coalesce(s.reason, '') || ' ' || s.data::text, ' > ' ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = j.id)
                || ' queue: ' || coalesce((SELECT string_agg(q.fetchedat::text, ',') FROM hangfire.jobqueue q WHERE q.jobid = j.id), 'none')
            FROM hangfire.job j WHERE j.invocationdata::text LIKE '%IssueCertificate%' AND j.statename <> 'Succeeded'
            """, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.IsDBNull(0) ? "?" : reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>How many jobs of this type or method the job server of the process with this id started (Hangfire's server id holds the pid).</summary>
    private Task<long> JobsProcessedByAsync(string typeOrMethod, int processId) => site.ScalarAsync($"""
        SELECT COUNT(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
        WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%{typeOrMethod}%'
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
