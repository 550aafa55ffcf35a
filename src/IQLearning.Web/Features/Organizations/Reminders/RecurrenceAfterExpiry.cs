using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// Recurring assignments (e.g. the anti-discrimination training every 24 months): when the certificate earned for an
/// assigned course expires, the enrollment becomes active again with a new due date (expiry + grace days), and the
/// learner is told. The "expiry" log row, keyed by the certificate's expiry, makes this happen once per certificate.
/// Usually <see cref="ExpiryReminders"/> has re-enrolled the learner before the expiry already (the enrollment is then
/// no longer completed); this is for certificates that expired without that, e.g. when the job did not run.
/// </summary>
public sealed class RecurrenceAfterExpiry(AppDbContext db, OrganizationMails mails, ReminderLinks links, TimeProvider clock,
    IOptions<OrganizationsOptions> options)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await (
            from c in db.Certificates
            where c.ExpiresAt <= now && c.RevokedAt == null
            join e in db.Enrollments on c.EnrollmentId equals e.Id
            // A completion after the expiry is the new cycle's own; it must not start yet another one.
            where e.Status == EnrollmentStatus.Completed && e.Source == EnrollmentSource.Assignment && e.CompletedAt <= c.ExpiresAt
                  // Recertified before the expiry: the newer certificate is the current one.
                  && !db.Certificates.Any(n => n.EnrollmentId == e.Id && n.IssuedAt > c.IssuedAt && n.RevokedAt == null)
            join a in db.Assignments on e.AssignmentId equals a.Id
            where a.RecurrenceMonths != null
                  && db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == e.UserId)
                  && !db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == ReminderKinds.Expiry && r.DueAt == c.ExpiresAt)
            join u in db.Users on e.UserId equals u.Id
            select new { Enrollment = e, ExpiresAt = c.ExpiresAt!.Value, u.Email, u.DisplayName, u.PreferredLanguage, c.CourseTitle })
            .ToListAsync(cancellationToken);

        foreach (var batch in expired.Chunk(500))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var x in batch)
            {
                var dueAt = x.ExpiresAt.Date.AddDays(options.Value.GraceDays);
                x.Enrollment.Status = EnrollmentStatus.Active;
                x.Enrollment.CompletedAt = null;
                x.Enrollment.CompletedVersionId = null;
                x.Enrollment.DueAt = dueAt;
                db.ReminderLog.Add(new ReminderLog { EnrollmentId = x.Enrollment.Id, Kind = ReminderKinds.Expiry, DueAt = x.ExpiresAt, SentAt = now });
                await mails.NewCycleAsync(new MailRecipient(x.Email!, x.DisplayName, x.PreferredLanguage), x.CourseTitle, dueAt, links.Dashboard());
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return expired.Count;
    }
}
