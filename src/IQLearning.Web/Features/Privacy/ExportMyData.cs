using System.Text.Json;
using System.Text.Json.Serialization;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Privacy;

/// <summary>
/// "Download my data" (GDPR Art. 15 (3), Art. 20): everything stored about the signed-in person, read table by table
/// with the owner check in each query. Handing the data out is itself recorded ("privacy.export").
/// </summary>
public sealed class ExportMyData(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string CertificatePdfUrl(int certificateId) => $"/account/privacy/certificates/{certificateId}/pdf";

    /// <param name="format">"json" or "page": which copy was handed out, for the audit log.</param>
    public async Task<PersonalData?> ExportAsync(string userId, string format, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return null;
        var data = await CollectAsync(user, cancellationToken);
        await audit.RecordNowAsync("privacy.export", userId, $"user:{userId}", format, cancellationToken);
        return data;
    }

    /// <summary>The stored PDF of one of the person's own certificates; null for anybody else's (the caller answers 404).</summary>
    public async Task<(string Number, byte[] Pdf)?> CertificatePdfAsync(string userId, int certificateId, CancellationToken cancellationToken)
    {
        var found = await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId && c.UserId == userId && c.Pdf != null)
            .Select(c => new { c.Number, c.Pdf }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Number, found.Pdf!);
    }

    private async Task<PersonalData> CollectAsync(ApplicationUser user, CancellationToken ct)
    {
        var id = user.Id;
        var email = user.NormalizedEmail ?? "\u0000"; // no address: match nothing
        var roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var memberships = await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == id)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role, m.JoinedAt })
            .ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.Email.ToUpper() == email)
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { o.Name, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt })
            .ToListAsync(ct);
        var consents = await db.CertificateConsents.AsNoTracking().Where(c => c.UserId == id)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new ConsentData(o.Id, o.Name, c.GivenAt, c.WithdrawnAt))
            .ToListAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.IssuedAt)
            .Select(c => new CertificateData(c.Id, c.Number, c.HolderName, c.CourseTitle, c.CourseVersionLabel, c.Hours, c.IssuedAt,
                c.ExpiresAt, c.RevokedAt, c.RevocationReason, c.VerificationUrl, c.Pdf != null ? CertificatePdfUrl(c.Id) : null))
            .ToListAsync(ct);
        var certificateIds = certificates.Select(c => c.Id).ToList();
        var certificateSubjects = certificates.Select(c => "certificate:" + c.Number).ToList();
        var deliveries = await db.CertificateDeliveries.AsNoTracking().Where(d => certificateIds.Contains(d.CertificateId))
            .Select(d => new CertificateDeliveryData(
                db.Certificates.Where(c => c.Id == d.CertificateId).Select(c => c.Number).First(), d.RecipientKind,
                db.Organizations.Where(o => o.Id == d.OrganizationId).Select(o => o.Name).FirstOrDefault(), d.Address, d.LawfulBasis, d.CreatedAt))
            .ToListAsync(ct);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress.ToUpper() == email).OrderBy(m => m.CreatedAt)
            .Select(m => new MailData(m.Subject, m.Status.ToString(), m.Attempts, m.CreatedAt, m.SentAt)).ToListAsync(ct);
        var securityLog = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorId == id || e.Subject == "user:" + id || (e.Subject != null && certificateSubjects.Contains(e.Subject)))
            .OrderBy(e => e.Id)
            .Select(e => new AuditData(e.At, e.Action, e.ActorId == id, e.Subject, e.Detail, e.IpAddress)).ToListAsync(ct);
        var feedback = await db.AccessibilityFeedback.AsNoTracking()
            .Where(f => f.UserId == id || (f.Email != null && f.Email.ToUpper() == email)).OrderBy(f => f.ReceivedAt)
            .Select(f => new FeedbackData(f.ReceivedAt, f.Name, f.Email, f.PageUrl, f.Message, f.AnsweredAt, f.Answer)).ToListAsync(ct);
        var selfAssessments = (await db.SelfAssessmentResults.AsNoTracking().Where(r => r.UserId == id).OrderBy(r => r.CompletedAt).ToListAsync(ct))
            .Select(r => new SelfAssessmentData(r.InstrumentSlug, r.CompletedAt, ParseJson(r.AnswersJson), ParseJson(r.ProfileJson))).ToList();

        return new PersonalData(
            clock.GetUtcNow().UtcDateTime,
            new ProfileData(user.Id, user.DisplayName, user.Email, user.EmailConfirmed, user.PreferredLanguage, user.CreatedAt,
                user.TwoFactorEnabled, user.LockoutEnd),
            roles.Order().ToList(),
            memberships.Select(m => new MembershipData(m.Id, m.Name, m.Role.ToString(), m.JoinedAt)).ToList(),
            invitations.Select(i => new InvitationData(i.Name, i.Role.ToString(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt)).ToList(),
            consents.OrderBy(c => c.GivenAt).ToList(),
            await EnrollmentsAsync(id, ct),
            await QuizAttemptsAsync(id, ct),
            await ScenarioRunsAsync(id, ct),
            selfAssessments, certificates, deliveries, mails, securityLog, feedback,
            await db.NotificationSettings.AsNoTracking().Where(n => n.UserId == id)
                .Select(n => new NotificationSettingsData(n.OptionalAssignmentReminders, n.OptionalExpiryReminders, n.ManagerDigest,
                    n.OptionalEscalations, n.UpdatedAt)).SingleOrDefaultAsync(ct));
    }

    private async Task<List<EnrollmentData>> EnrollmentsAsync(string userId, CancellationToken ct)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.EnrolledAt).ToListAsync(ct);
        var ids = enrollments.Select(e => e.Id).ToList();
        var lessons = await db.LessonProgress.AsNoTracking().Where(p => ids.Contains(p.EnrollmentId)).ToListAsync(ct);
        var titles = await TitlesAsync(enrollments.Select(e => e.CourseItemId).Concat(lessons.Select(l => l.LessonItemId)), ct);
        return enrollments.Select(e => new EnrollmentData(e.CourseItemId, titles.GetValueOrDefault(e.CourseItemId), e.Source.ToString(),
                e.Status.ToString(), e.EnrolledAt, e.DueAt, e.LastActivityAt, e.CompletedAt,
                lessons.Where(l => l.EnrollmentId == e.Id).OrderBy(l => l.FirstOpenedAt)
                    .Select(l => new LessonProgressData(l.LessonItemId, titles.GetValueOrDefault(l.LessonItemId), l.FirstOpenedAt, l.CompletedAt, l.SecondsOnTask))
                    .ToList()))
            .ToList();
    }

    private async Task<List<QuizAttemptData>> QuizAttemptsAsync(string userId, CancellationToken ct)
    {
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.StartedAt).ToListAsync(ct);
        var titles = await TitlesAsync(attempts.Select(a => a.AssessmentItemId), ct);
        return attempts.Select(a => new QuizAttemptData(a.AssessmentItemId, titles.GetValueOrDefault(a.AssessmentItemId), a.Number,
            a.Status.ToString(), a.StartedAt, a.SubmittedAt, a.Points, a.MaxPoints, a.Percent, a.Passed, ParseJson(a.AnswersJson))).ToList();
    }

    private async Task<List<ScenarioRunData>> ScenarioRunsAsync(string userId, CancellationToken ct)
    {
        var runs = await db.ScenarioRuns.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.StartedAt).ToListAsync(ct);
        var titles = await TitlesAsync(runs.Select(r => r.ScenarioItemId), ct);
        return runs.Select(r => new ScenarioRunData(r.ScenarioItemId, titles.GetValueOrDefault(r.ScenarioItemId), r.StartedAt, r.FinishedAt,
            ParseJson(r.PathJson))).ToList();
    }

    /// <summary>The title of each item's published version (or its latest, for an item not yet or no longer published).</summary>
    private async Task<Dictionary<int, string?>> TitlesAsync(IEnumerable<int> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        return await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, Title = db.ContentVersions.Where(v => v.Id == (i.PublishedVersionId ?? i.LatestVersionId)).Select(v => v.Title).FirstOrDefault() })
            .ToDictionaryAsync(x => x.Id, x => x.Title, ct);
    }

    /// <summary>Stored JSON goes into the export as JSON, not as an escaped string; anything unreadable as the text it is.</summary>
    private static JsonElement ParseJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
