using System.Globalization;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Dashboard;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// The weekly mail to managers: per assigned course how many completed, are overdue, are in progress. Counts only,
/// in every mode. The outbox key (organization, manager, ISO week) makes a repeated run send nothing more. Managers
/// who turned the digest off in their notification settings get none.
/// </summary>
public sealed class ManagerDigest(AppDbContext db, OrganizationMails mails, ReminderLinks links, TimeProvider clock,
    IStringLocalizer<ManagerDigest> t)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var week = $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}";
        var digestOff = TurnedOff.ManagerDigest(db);
        var managers = await db.OrganizationMembers.AsNoTracking().Where(m => m.Role == MemberRole.Manager && !digestOff.Contains(m.UserId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.OrganizationId, u.Id, u.Email, u.DisplayName, u.PreferredLanguage })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var organization in managers.GroupBy(m => m.OrganizationId))
        {
            var name = await db.Organizations.Where(o => o.Id == organization.Key).Select(o => o.Name).FirstAsync(cancellationToken);
            var courses = await LoadDashboard.CoursesAsync(db, organization.Key, cancellationToken);
            if (courses.Count == 0) continue;
            var (counts, _) = await OverviewQuery.RunAsync(
                EnrollmentFacts.OfOrganization(db, organization.Key, now), courses, now, cancellationToken);
            foreach (var manager in organization)
            {
                var lines = OrganizationMails.InLanguage(manager.PreferredLanguage, () => counts.Select(c => t["Organizations.Mail.Digest.Line",
                    c.Course.Title, c.Count(ProgressStatus.Completed), c.Total, c.Count(ProgressStatus.Overdue), c.Count(ProgressStatus.InProgress)].Value).ToList());
                await mails.DigestAsync(new MailRecipient(manager.Email!, manager.DisplayName, manager.PreferredLanguage), name, lines,
                    links.OrganizationDashboard(organization.Key), $"digest:{organization.Key}:{manager.Id}:{week}");
                sent++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }
}
