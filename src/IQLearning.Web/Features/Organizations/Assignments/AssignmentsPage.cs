using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Assignments;

public sealed record CourseChoice(int Id, string Title);
public sealed record MemberChoice(string UserId, string Name, string Email);
public sealed record AssignmentRow(int Id, string Course, DateTime DueAt, bool Mandatory, int? RecurrenceMonths, bool AllMembers, int Enrollments);

public sealed record AssignmentsView(
    ManagedOrganization Organization, AssignmentForm Form, IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<CourseChoice> Courses, string? MemberQuery, IReadOnlyList<MemberChoice> MemberChoices, int MemberCount);

/// <summary>The assignments of an organization and what the form to add one offers.</summary>
public sealed class AssignmentsPage(AppDbContext db)
{
    /// <summary>More would make an unusable list; the search narrows it.</summary>
    public const int MaxChoices = 100;

    public async Task<AssignmentsView> LoadAsync(ManagedOrganization organization, AssignmentForm form, string? memberQuery, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.OrganizationId == organization.Id)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new AssignmentRow(a.Id,
                db.ContentVersions.Where(v => v.Id == db.ContentItems.Where(c => c.Id == a.CourseItemId).Select(c => c.PublishedVersionId).FirstOrDefault())
                    .Select(v => v.Title).FirstOrDefault() ?? "",
                a.DueAt, a.Mandatory, a.RecurrenceMonths, a.AllMembers, db.Enrollments.Count(e => e.AssignmentId == a.Id)))
            .ToListAsync(cancellationToken);
        var memberCount = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id, cancellationToken);
        IReadOnlyList<MemberChoice> choices = organization.AggregateOnly ? [] : await MemberChoicesAsync(organization.Id, memberQuery, cancellationToken);
        return new AssignmentsView(organization, form, assignments, await PublishedCoursesAsync(cancellationToken), memberQuery, choices, memberCount);
    }

    public async Task<List<CourseChoice>> PublishedCoursesAsync(CancellationToken cancellationToken) =>
        (await db.ContentItems.AsNoTracking()
            .Where(c => c.Kind == ContentKind.Course && !c.Archived && c.PublishedVersionId != null)
            .Join(db.ContentVersions, c => c.PublishedVersionId, v => v.Id, (c, v) => new CourseChoice(c.Id, v.Title))
            .ToListAsync(cancellationToken)).OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();

    private Task<List<MemberChoice>> MemberChoicesAsync(int organizationId, string? query, CancellationToken cancellationToken)
    {
        var members = db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var pattern = MemberSearch.LikePattern(query);
            members = members.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\"));
        }
        return members.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(MaxChoices)
            .Select(u => new MemberChoice(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
    }
}

public static class MemberSearch
{
    /// <summary>A LIKE pattern that finds the text anywhere, with the wildcards of the text itself escaped.</summary>
    public static string LikePattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
