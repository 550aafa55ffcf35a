using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// Tells an organization's managers, in one mail per run, which mandatory assignments became overdue — by name, or
/// only as a count per course when the organization is in aggregate-only mode. Optional courses are not escalated:
/// being late with them is nobody's business but the learner's.
/// </summary>
public sealed class OverdueEscalation(AppDbContext db, OrganizationMails mails, ReminderLinks links, TimeProvider clock,
    IStringLocalizer<OverdueEscalation> t)
{
    public async Task<int> RunAsync(DateTime today, CancellationToken cancellationToken)
    {
        var overdue = await (
            from e in db.Enrollments
            where e.Source == EnrollmentSource.Assignment && e.Status == EnrollmentStatus.Active && e.DueAt < today
            join a in db.Assignments on e.AssignmentId equals a.Id
            where a.Mandatory
                  && db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == e.UserId)
                  && !db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == ReminderKinds.OverdueEscalation && r.DueAt == e.DueAt)
            join u in db.Users on e.UserId equals u.Id
            select new
            {
                EnrollmentId = e.Id, DueAt = e.DueAt!.Value, a.OrganizationId, u.DisplayName,
                Course = db.ContentItems.Where(i => i.Id == e.CourseItemId)
                    .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => v.Title).FirstOrDefault() ?? "",
            }).ToListAsync(cancellationToken);

        foreach (var group in overdue.GroupBy(o => o.OrganizationId))
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == group.Key)
                .Select(o => new { o.Name, o.AggregateOnly }).FirstAsync(cancellationToken);
            var managers = await db.OrganizationMembers.AsNoTracking()
                .Where(m => m.OrganizationId == group.Key && m.Role == MemberRole.Manager)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MailRecipient(u.Email!, u.DisplayName, u.PreferredLanguage))
                .ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var o in group)
                db.ReminderLog.Add(new ReminderLog
                {
                    EnrollmentId = o.EnrollmentId, Kind = ReminderKinds.OverdueEscalation, DueAt = o.DueAt, SentAt = clock.GetUtcNow().UtcDateTime,
                });
            foreach (var manager in managers)
            {
                var lines = OrganizationMails.InLanguage(manager.Language, () => organization.AggregateOnly
                    ? group.GroupBy(o => o.Course).OrderBy(g => g.Key)
                        .Select(g => t["Organizations.Mail.Escalation.CountLine", g.Key, g.Count()].Value).ToList()
                    : group.OrderBy(o => o.DisplayName).ThenBy(o => o.Course)
                        .Select(o => t["Organizations.Mail.Escalation.Line", o.DisplayName, o.Course, o.DueAt.ToString("d")].Value).ToList());
                await mails.EscalationAsync(manager, organization.Name, lines, links.OrganizationDashboard(group.Key));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return overdue.Count;
    }
}
