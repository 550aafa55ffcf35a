using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Certificates.Web;

/// <summary>
/// The site with a clock the test moves and a fixed public address (the certificate links are built outside a
/// request when a test raises a completion). Verifications are not rate-limited here, except where a test asks.
/// </summary>
public class CertificateSite : SiteFactory
{
    public const string PublicBaseUrl = "https://lernen.iq.test";

    public CertificateSite(bool startSmtp = true, int verificationsPerMinute = 100_000, bool kestrel = false) : base(startSmtp, kestrel)
    {
        WithSetting("Site:PublicBaseUrl", PublicBaseUrl);
        WithSetting("RateLimits:VerificationsPerMinute", verificationsPerMinute.ToString());
        WithServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Starts on a winter morning in Germany, so the issue date is the same day in UTC and in Berlin.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));

    public async Task<Course> CreateCourseAsync(int validityMonths = 24, int durationMinutes = 90, string language = "de", string? title = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = "kurs-" + Guid.NewGuid().ToString("N")[..10];
        var unit = new SpecialistUnit { Slug = "unit-" + slug, Name = "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung" };
        var metadata = new CourseMetadata(["hr"], ["agg"], durationMinutes, ["Formen von Diskriminierung erkennen", "Handlungsmöglichkeiten kennen"],
            [], 70, validityMonths, null, [], []);
        var item = new ContentItem { Kind = ContentKind.Course, Slug = slug, Unit = unit, Language = language, CreatedAt = DateTime.UtcNow };
        var version = new ContentVersion
        {
            Item = item, Number = 3, Status = VersionStatus.Published, Title = title ?? "Antidiskriminierung im Jobcenter – Basismodul",
            Body = "", ContentHash = Guid.NewGuid().ToString("N"), MetadataJson = ContentMetadata.Serialize(metadata), CreatedAt = DateTime.UtcNow,
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync();
        item.PublishedVersionId = item.LatestVersionId = version.Id;
        await db.SaveChangesAsync();
        return new Course(item.Id, version.Id, version.Title);
    }

    public async Task<ApplicationUser> CreateLearnerAsync(string displayName, string language = "de", string role = Roles.Learner)
    {
        var user = await TestAccounts.CreateAsync(this, role);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        stored.DisplayName = displayName;
        stored.PreferredLanguage = language;
        await db.SaveChangesAsync();
        return stored;
    }

    public async Task<int> CreateOrganizationAsync(string recipients, bool attachPdf = false, OrganizationKind kind = OrganizationKind.Employer)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organization = new Organization { Name = "Org " + Guid.NewGuid().ToString("N")[..6], Kind = kind, CertificateRecipients = recipients,
            AttachPdfToRecipientMail = attachPdf, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    public Task AddMemberAsync(int organizationId, string userId) => WriteAsync(db =>
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = userId, JoinedAt = Clock.GetUtcNow().UtcDateTime }));

    public Task ConsentAsync(int organizationId, string userId, DateTime? withdrawnAt = null) => WriteAsync(db =>
        db.CertificateConsents.Add(new CertificateConsent
        {
            OrganizationId = organizationId, UserId = userId, GivenAt = Clock.GetUtcNow().UtcDateTime.AddDays(-30), WithdrawnAt = withdrawnAt,
        }));

    public async Task<int> AssignAsync(int organizationId, int courseItemId)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var assignment = new Assignment { OrganizationId = organizationId, CourseItemId = courseItemId, DueAt = Clock.GetUtcNow().UtcDateTime.AddDays(30),
            Mandatory = true, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }

    public async Task<int> EnrollAsync(string userId, Course course, int? assignmentId = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var enrollment = new Enrollment
        {
            UserId = userId, CourseItemId = course.ItemId, AssignmentId = assignmentId, Status = EnrollmentStatus.Active,
            Source = assignmentId is null ? EnrollmentSource.Self : EnrollmentSource.Assignment, EnrolledAt = Clock.GetUtcNow().UtcDateTime,
        };
        db.Enrollments.Add(enrollment);
        await db.SaveChangesAsync();
        return enrollment.Id;
    }

    /// <summary>What the learning feature will do: mark the enrollment completed and call every registered handler, in one transaction.</summary>
    public async Task CompleteAsync(int enrollmentId, string userId, Course course)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == enrollmentId);
        var now = Clock.GetUtcNow().UtcDateTime;
        enrollment.Status = EnrollmentStatus.Completed;
        enrollment.CompletedAt = now;
        enrollment.CompletedVersionId = course.VersionId;
        await db.SaveChangesAsync();
        foreach (var handler in scope.ServiceProvider.GetServices<ICourseCompletedHandler>())
            await handler.HandleAsync(new CourseCompleted(enrollmentId, userId, course.ItemId, course.VersionId, now), CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task<IssuedCertificate> EnrollAndCompleteAsync(ApplicationUser learner, Course course, int? assignmentId = null)
    {
        var enrollmentId = await EnrollAsync(learner.Id, course, assignmentId);
        await CompleteAsync(enrollmentId, learner.Id, course);
        return await ReadAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.EnrollmentId == enrollmentId));
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WriteAsync(Action<AppDbContext> write)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        write(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Waits until no outbox message is pending or being sent any more (the Hangfire send jobs have run).</summary>
    public async Task WaitForOutboxAsync(Func<OutboxMessage, bool>? settled = null, int timeoutSeconds = 60)
    {
        settled ??= m => m.Status is OutboxStatus.Sent or OutboxStatus.Failed;
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var messages = await ReadAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
            if (messages.All(settled)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The outbox did not settle.");
    }
}

public sealed record Course(int ItemId, int VersionId, string Title);
