using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// Reminders before a certificate expires, in two stages (by default 60 and 14 days before): to the holder — with or
/// without an organization — and to the managers of the organization that assigned the course. At the first reminder
/// a recurring assignment re-enrols the learner, due on the expiry date, so they can recertify before the old
/// certificate runs out (<see cref="RecurrenceAfterExpiry"/> is then left with nothing to do for it). Each stage is
/// recorded per certificate with its mails in one transaction; the unique (certificate, stage) makes a rerun a no-op.
/// </summary>
public sealed class ExpiryReminders(AppDbContext db, OrganizationMails mails, ReminderLinks links, TimeProvider clock,
    IOptions<OrganizationsOptions> options, IStringLocalizer<ExpiryReminders> t)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (first, final) = (options.Value.ExpiryReminderDaysBefore, options.Value.ExpiryFinalReminderDaysBefore);
        // A stage is due from the start of the day that lies that many days before the expiry day.
        var firstLimit = now.Date.AddDays(first + 1);
        var finalLimit = now.Date.AddDays(final + 1);
        var learnerOptionalOff = TurnedOff.OptionalExpiryReminders(db);
        var due = await (
            from c in db.Certificates
            where c.RevokedAt == null && c.UserId != null && c.ExpiresAt > now && c.ExpiresAt < firstLimit
                  // Recertified already: the newer certificate is the one that counts.
                  && !db.Certificates.Any(n => n.UserId == c.UserId && n.CourseItemId == c.CourseItemId && n.IssuedAt > c.IssuedAt && n.RevokedAt == null)
            let stage = c.ExpiresAt < finalLimit ? final : first
            where !db.CertificateExpiryReminders.Any(r => r.CertificateId == c.Id && r.DaysBefore == stage)
            join u in db.Users on c.UserId equals u.Id
            // The organization whose assignment the certificate answers, while the holder is still its member.
            let assignment = db.Enrollments.Where(e => e.Id == c.EnrollmentId && e.Source == EnrollmentSource.Assignment)
                .Join(db.Assignments, e => e.AssignmentId, a => a.Id, (e, a) => a)
                .FirstOrDefault(a => db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == c.UserId))
            select new ExpiringCertificate
            {
                CertificateId = c.Id, Stage = stage, ExpiresAt = c.ExpiresAt!.Value, Course = c.CourseTitle, EnrollmentId = c.EnrollmentId,
                UserId = u.Id, Email = u.Email!, Name = u.DisplayName, Language = u.PreferredLanguage,
                OrganizationId = assignment == null ? null : assignment.OrganizationId,
                Mandatory = assignment != null && assignment.Mandatory,
                Recurring = assignment != null && assignment.RecurrenceMonths != null,
                LearnerWantsIt = !learnerOptionalOff.Contains(u.Id),
            }).ToListAsync(cancellationToken);

        foreach (var batch in due.Chunk(500))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reEnrolled = await ReEnrolAsync(batch.Where(x => x.Recurring), cancellationToken);
            foreach (var x in batch)
            {
                db.CertificateExpiryReminders.Add(new CertificateExpiryReminder { CertificateId = x.CertificateId, DaysBefore = x.Stage, SentAt = now });
                if (x.Mandatory || x.LearnerWantsIt)
                    await mails.ExpiryAsync(new MailRecipient(x.Email, x.Name, x.Language), x.Course, x.ExpiresAt,
                        reEnrolled.Contains(x.CertificateId), links.Dashboard(), x.Mandatory ? null : links.NotificationSettings());
            }
            await TellManagersAsync(batch.Where(x => x.OrganizationId is not null).ToList(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return due.Count;
    }

    /// <summary>A new cycle of each recurring assignment whose enrollment still holds the expiring completion; due on the expiry date.</summary>
    private async Task<HashSet<int>> ReEnrolAsync(IEnumerable<ExpiringCertificate> recurring, CancellationToken cancellationToken)
    {
        var byEnrollment = recurring.Where(x => x.EnrollmentId is not null).ToDictionary(x => x.EnrollmentId!.Value);
        var ids = byEnrollment.Keys.ToList();
        var enrollments = await db.Enrollments.Where(e => ids.Contains(e.Id) && e.Status == EnrollmentStatus.Completed).ToListAsync(cancellationToken);
        foreach (var e in enrollments)
        {
            e.Status = EnrollmentStatus.Active;
            e.CompletedAt = null;
            e.CompletedVersionId = null;
            e.DueAt = byEnrollment[e.Id].ExpiresAt.Date;
        }
        return enrollments.Select(e => byEnrollment[e.Id].CertificateId).ToHashSet();
    }

    /// <summary>One mail per manager and organization: names, or counts per course in aggregate-only mode.</summary>
    private async Task TellManagersAsync(IReadOnlyList<ExpiringCertificate> expiring, CancellationToken cancellationToken)
    {
        if (expiring.Count == 0) return;
        var organizationIds = expiring.Select(x => x.OrganizationId!.Value).Distinct().ToList();
        var optionalOff = TurnedOff.OptionalEscalations(db);
        var managers = await db.OrganizationMembers.AsNoTracking()
            .Where(m => organizationIds.Contains(m.OrganizationId) && m.Role == MemberRole.Manager)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                m.OrganizationId, To = new MailRecipient(u.Email!, u.DisplayName, u.PreferredLanguage), WantsOptional = !optionalOff.Contains(u.Id),
            }).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.AggregateOnly }, cancellationToken);
        foreach (var manager in managers)
        {
            var organization = organizations[manager.OrganizationId];
            var concerned = expiring.Where(x => x.OrganizationId == manager.OrganizationId && (x.Mandatory || manager.WantsOptional)).ToList();
            if (concerned.Count == 0) continue;
            var lines = OrganizationMails.InLanguage(manager.To.Language, () => organization.AggregateOnly
                ? concerned.GroupBy(x => x.Course).OrderBy(g => g.Key).Select(g => t["Organizations.Mail.Expiry.CountLine", g.Key, g.Count()].Value).ToList()
                : concerned.OrderBy(x => x.Name).ThenBy(x => x.Course)
                    .Select(x => t["Organizations.Mail.Expiry.Line", x.Name, x.Course, x.ExpiresAt.ToString("d")].Value).ToList());
            await mails.ExpiryToManagerAsync(manager.To, organization.Name, lines, links.OrganizationDashboard(manager.OrganizationId));
        }
    }

    private sealed class ExpiringCertificate
    {
        public int CertificateId { get; init; }
        public int Stage { get; init; }
        public DateTime ExpiresAt { get; init; }
        public required string Course { get; init; }
        public int? EnrollmentId { get; init; }
        public required string UserId { get; init; }
        public required string Email { get; init; }
        public required string Name { get; init; }
        public required string Language { get; init; }
        public int? OrganizationId { get; init; }
        public bool Mandatory { get; init; }
        public bool Recurring { get; init; }
        public bool LearnerWantsIt { get; init; }
    }
}
