using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Audit;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Privacy;

/// <summary>The ids of one learner's seeded records, one or more in every table that can hold something about them.</summary>
public sealed record LearnerRecords(
    ApplicationUser User, int CourseId, int LessonId, int AssessmentId, int ScenarioId, int OrganizationId, int OtherOrganizationId,
    int AssignmentId, int EnrollmentId, int SubmittedAttemptId, int OpenAttemptId, int FinishedRunId, int OpenRunId,
    int CertificateId, string CertificateNumber, byte[] Pdf, Guid LearnerMailId, Guid OrganizationMailId, string Text)
{
    public const string OrganizationAddress = "personal@organisation.example";

    /// <summary>
    /// A learner with a completed course, a submitted attempt (with an essay) and an open one, a finished and an open
    /// scenario run, a self-assessment, a certificate mailed to them and to their organization, a consent, an
    /// invitation, an accessibility report and an audit event about them. <paramref name="text"/> goes into every
    /// free-text field, so a test can look for it (or feed a payload through it).
    /// </summary>
    public static async Task<LearnerRecords> SeedAsync(SiteFactory site, string? text = null, string displayName = "Anna Schmidt")
    {
        text ??= "Meine private Reflexion " + Guid.NewGuid().ToString("N")[..6];
        var user = await TestAccounts.CreateAsync(site);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var tracked = (await users.FindByIdAsync(user.Id))!;
        tracked.DisplayName = displayName;
        await users.UpdateAsync(tracked);
        var now = DateTime.UtcNow;
        var key = Guid.NewGuid().ToString("N")[..10];

        var unit = new SpecialistUnit { Slug = "unit-" + key, Name = "Fachstelle " + key };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        var course = await ItemAsync(db, unit.Id, ContentKind.Course, "course-" + key, "Kurs " + key, "Text", null);
        var lesson = await ItemAsync(db, unit.Id, ContentKind.Lesson, "lesson-" + key, "Lektion " + key, "Text", course.Id);
        var assessment = await ItemAsync(db, unit.Id, ContentKind.Assessment, "quiz-" + key, "Test " + key, "::e1:: Reflexion {}", course.Id);
        var scenario = await ItemAsync(db, unit.Id, ContentKind.Scenario, "scenario-" + key, "Szenario " + key, "steps: []", course.Id);

        var organization = new Organization { Name = "Jobcenter " + key + " " + text, CreatedAt = now, CertificateRecipients = OrganizationAddress };
        var other = new Organization { Name = "Arbeitgeber " + key, CreatedAt = now };
        db.Organizations.AddRange(organization, other);
        await db.SaveChangesAsync();
        var assignment = new Assignment { OrganizationId = organization.Id, CourseItemId = course.Id, DueAt = now.AddDays(30), CreatedAt = now };
        db.Assignments.Add(assignment);
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = user.Id, JoinedAt = now.AddDays(-3) });
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = other.Id, UserId = user.Id, JoinedAt = now.AddDays(-2) });
        db.CertificateConsents.Add(new CertificateConsent { UserId = user.Id, OrganizationId = organization.Id, GivenAt = now.AddDays(-1) });
        db.Invitations.Add(new Invitation
        {
            OrganizationId = other.Id, Email = user.Email!, TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-5), ExpiresAt = now.AddDays(5),
        });
        await db.SaveChangesAsync();

        var enrollment = new Enrollment
        {
            UserId = user.Id, CourseItemId = course.Id, Source = EnrollmentSource.Assignment, AssignmentId = assignment.Id,
            Status = EnrollmentStatus.Completed, EnrolledAt = now.AddDays(-2), CompletedAt = now.AddHours(-1), CompletedVersionId = course.LatestVersionId,
        };
        db.Enrollments.Add(enrollment);
        await db.SaveChangesAsync();
        db.LessonProgress.Add(new LessonProgress { EnrollmentId = enrollment.Id, LessonItemId = lesson.Id, FirstOpenedAt = now.AddDays(-2), CompletedAt = now.AddHours(-2), SecondsOnTask = 600 });
        var submitted = Attempt(user.Id, assessment, 1, AttemptStatus.Submitted, $$"""{"e1":[{{System.Text.Json.JsonSerializer.Serialize(text)}}]}""", now);
        var open = Attempt(user.Id, assessment, 2, AttemptStatus.InProgress, "{}", now);
        db.QuizAttempts.AddRange(submitted, open);
        var finished = new ScenarioRun { UserId = user.Id, ScenarioItemId = scenario.Id, ScenarioVersionId = scenario.LatestVersionId!.Value, StartedAt = now.AddHours(-3), FinishedAt = now.AddHours(-2), PathJson = """[{"step":"s1","option":0}]""" };
        var openRun = new ScenarioRun { UserId = user.Id, ScenarioItemId = scenario.Id, ScenarioVersionId = scenario.LatestVersionId!.Value, StartedAt = now.AddHours(-1), CurrentStepId = "s1" };
        db.ScenarioRuns.AddRange(finished, openRun);
        db.SelfAssessmentResults.Add(new SelfAssessmentResult { UserId = user.Id, InstrumentSlug = "interkulturelle-kompetenz", CompletedAt = now, AnswersJson = """{"i1":4}""", ProfileJson = "{}" });
        db.AccessibilityFeedback.Add(new AccessibilityFeedback { ReceivedAt = now, UserId = user.Id, Email = user.Email, Name = displayName, PageUrl = "/courses", Message = text });
        db.AuditEvents.Add(new AuditEvent { At = now, Action = "user.roles-changed", ActorId = "some-administrator", Subject = $"user:{user.Id}", Detail = "Manager" });
        await db.SaveChangesAsync();

        var pdf = "%PDF-1.7 certificate of "u8.ToArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var number = $"IQ-2026-{key[..4].ToUpperInvariant()}-{key[4..8].ToUpperInvariant()}";
        var certificate = new IssuedCertificate
        {
            Number = number, UserId = user.Id, EnrollmentId = enrollment.Id, CourseItemId = course.Id, CourseVersionId = course.LatestVersionId!.Value,
            HolderName = displayName, CourseTitle = "Kurs " + key, CourseVersionLabel = "1", Hours = 4, IssuingUnit = unit.Name, Language = "de",
            IssuedAt = now.AddHours(-1), VerificationUrl = "https://iqlearning.test/verify/" + number, Pdf = pdf, PdfSha256 = new string('a', 64),
            CredentialJwt = "header.payload-with-" + displayName + ".signature", IssuedBy = "completion",
        };
        db.Certificates.Add(certificate);
        var learnerMail = Mail(user.Email!, "Ihr Zertifikat " + number + " " + text, now, withAttachment: true);
        var organizationMail = Mail(OrganizationAddress, "Zertifikat von " + displayName, now, withAttachment: true);
        db.OutboxMessages.AddRange(learnerMail, organizationMail);
        await db.SaveChangesAsync();
        db.CertificateDeliveries.Add(new CertificateDelivery { CertificateId = certificate.Id, RecipientKind = "learner", Address = user.Email!, OutboxMessageId = learnerMail.Id, CreatedAt = now });
        db.CertificateDeliveries.Add(new CertificateDelivery
        {
            CertificateId = certificate.Id, RecipientKind = "organization", OrganizationId = organization.Id, Address = OrganizationAddress,
            LawfulBasis = "assignment", OutboxMessageId = organizationMail.Id, CreatedAt = now,
        });
        await db.SaveChangesAsync();

        return new LearnerRecords(user, course.Id, lesson.Id, assessment.Id, scenario.Id, organization.Id, other.Id, assignment.Id, enrollment.Id,
            submitted.Id, open.Id, finished.Id, openRun.Id, certificate.Id, number, pdf, learnerMail.Id, organizationMail.Id, text);
    }

    private static QuizAttempt Attempt(string userId, ContentItem assessment, int number, AttemptStatus status, string answers, DateTime now) => new()
    {
        UserId = userId, AssessmentItemId = assessment.Id, AssessmentVersionId = assessment.LatestVersionId!.Value, Number = number, Status = status,
        StartedAt = now.AddHours(-number), SubmittedAt = status == AttemptStatus.Submitted ? now.AddMinutes(-30) : null, QuestionOrderJson = """["e1"]""",
        AnswersJson = answers, Points = status == AttemptStatus.Submitted ? 1 : null, MaxPoints = 1, Percent = status == AttemptStatus.Submitted ? 100 : null,
        Passed = status == AttemptStatus.Submitted ? true : null,
    };

    private static OutboxMessage Mail(string to, string subject, DateTime now, bool withAttachment) => new()
    {
        ToAddress = to, Subject = subject, TextBody = subject, MessageId = $"<{Guid.NewGuid():N}@iqlearning.test>", Status = OutboxStatus.Sent,
        CreatedAt = now, NextAttemptAt = now, SentAt = now, Attempts = 1,
        Attachments = withAttachment ? [new OutboxAttachment { FileName = "zertifikat.pdf", ContentType = "application/pdf", Content = [1, 2, 3] }] : [],
    };

    private static async Task<ContentItem> ItemAsync(AppDbContext db, int unitId, ContentKind kind, string slug, string title, string body, int? parentId)
    {
        var item = new ContentItem { Kind = kind, Slug = slug, UnitId = unitId, Language = "de", ParentId = parentId };
        db.ContentItems.Add(item);
        await db.SaveChangesAsync();
        // A draft: the records need items to point at, but the catalog, search and quiz pages must not list them.
        var version = new ContentVersion { ContentItemId = item.Id, Number = 1, Status = VersionStatus.Draft, Title = title, Body = body, ContentHash = Guid.NewGuid().ToString("N") };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync();
        item.LatestVersionId = version.Id;
        await db.SaveChangesAsync();
        return item;
    }
}
