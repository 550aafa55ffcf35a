using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// Tells an organization's managers, in one mail per run, which assignments became overdue — by name, or only as a
/// count per course when the organization is in aggregate-only mode. Mandatory ones always; optional ones (marked as
/// such) unless the manager turned those off in their notification settings.
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
            where db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == e.UserId)
                  && !db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == ReminderKinds.OverdueEscalation && r.DueAt == e.DueAt)
            join u in db.Users on e.UserId equals u.Id
            select new
            {
                EnrollmentId = e.Id, DueAt = e.DueAt!.Value, a.OrganizationId, a.Mandatory, u.DisplayName,
                Course = db.ContentItems.Where(i => i.Id == e.CourseItemId)
                    .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => v.Title).FirstOrDefault() ?? "",
            }).ToListAsync(cancellationToken);

        foreach (var group in overdue.GroupBy(o => o.OrganizationId))
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == group.Key)
                .Select(o => new { o.Name, o.AggregateOnly }).FirstAsync(cancellationToken);
            var optionalOff = TurnedOff.OptionalEscalations(db);
            var managers = await db.OrganizationMembers.AsNoTracking()
                .Where(m => m.OrganizationId == group.Key && m.Role == MemberRole.Manager)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
                {
                    To = new MailRecipient(u.Email!, u.DisplayName, u.PreferredLanguage), WantsOptional = !optionalOff.Contains(u.Id),
                })
                .ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var o in group)
                db.ReminderLog.Add(new ReminderLog
                {
                    EnrollmentId = o.EnrollmentId, Kind = ReminderKinds.OverdueEscalation, DueAt = o.DueAt, SentAt = clock.GetUtcNow().UtcDateTime,
                });
            foreach (var manager in managers)
            {
                var concerned = group.Where(o => o.Mandatory || manager.WantsOptional).ToList();
                if (concerned.Count == 0) continue;
                var lines = OrganizationMails.InLanguage(manager.To.Language, () => organization.AggregateOnly
                    ? concerned.GroupBy(o => (o.Course, o.Mandatory)).OrderBy(g => g.Key.Course)
                        .Select(g => t["Organizations.Mail.Escalation.CountLine", Course(g.Key.Course, g.Key.Mandatory), g.Count()].Value).ToList()
                    : concerned.OrderBy(o => o.DisplayName).ThenBy(o => o.Course)
                        .Select(o => t["Organizations.Mail.Escalation.Line", o.DisplayName, Course(o.Course, o.Mandatory), o.DueAt.ToString("d")].Value).ToList());
                await mails.EscalationAsync(manager.To, organization.Name, lines, links.OrganizationDashboard(group.Key));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return overdue.Count;
    }

    private string Course(string title, bool mandatory) => mandatory ? title : t["Organizations.Mail.Escalation.Optional", title].Value;
}
