using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>
/// The manager dashboard of one organization. Built for 10,000 members: the counts and the chart data come from one
/// grouped query, the member table is paged and only the visible page's enrollments are read — at most 7 queries.
/// </summary>
public sealed class LoadDashboard(AppDbContext db, TimeProvider clock, IOptions<OrganizationsOptions> options)
{
    public async Task<DashboardView> RunAsync(ManagedOrganization organization, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var courses = await CoursesAsync(db, organization.Id, cancellationToken);
        var facts = EnrollmentFacts.OfOrganization(db, organization.Id, now);
        var (counts, overdue) = await OverviewQuery.RunAsync(facts, courses, now, cancellationToken);
        var network = organization.Kind == OrganizationKind.RegionalNetwork
            ? await NetworkAsync(organization.Id, now, cancellationToken) : [];
        var memberCount = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id, cancellationToken);
        var view = new DashboardView(organization, filter, courses, counts, overdue, memberCount, memberCount, 1, [], network);
        if (organization.AggregateOnly) return view;

        var members = MemberTable.Filter(db, organization.Id, filter, now);
        var size = options.Value.DashboardPageSize;
        var known = filter.FiltersMembers ? CountFromOverview(filter, counts) : memberCount;
        // A filter the overview cannot count (a status in any course, a name) is evaluated once: all matching members'
        // keys in order (at most the organization's members, a few hundred kB), counted and paged here — rather than
        // evaluated twice in SQL, once to count and once for the page.
        var matchingKeys = known is null ? await MemberTable.Ordered(members).ToListAsync(cancellationToken) : null;
        var matching = known ?? matchingKeys!.Count;
        var pageCount = Math.Max(1, (matching + size - 1) / size);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var lines = matchingKeys is null
            ? await MemberTable.PageAsync(db, organization.Id, members, courses, page, size, now, cancellationToken)
            : await MemberTable.LinesAsync(db, organization.Id, matchingKeys.Skip((page - 1) * size).Take(size).ToList(), courses, now, cancellationToken);
        return view with { Filter = filter with { Page = page }, MatchingMembers = matching, PageCount = pageCount, Members = lines };
    }

    /// <summary>
    /// A member has one enrollment per course, so "members in course X (with status S)" is a count the overview has
    /// already made — one query over the organization's enrollments fewer. Other filters are counted in SQL.
    /// </summary>
    private static int? CountFromOverview(DashboardFilter filter, IReadOnlyList<CourseCounts> counts) =>
        filter.Course is { } course && string.IsNullOrWhiteSpace(filter.Q) && counts.FirstOrDefault(c => c.Course.Id == course) is { } counted
            ? filter.EffectiveStatus is { } status ? counted.Count(status) : counted.Total
            : null;

    /// <summary>The courses the organization has assigned, with their published title and number of lessons.</summary>
    public static async Task<List<DashboardCourse>> CoursesAsync(AppDbContext db, int organizationId, CancellationToken cancellationToken) =>
        (await db.ContentItems.AsNoTracking()
            .Where(c => db.Assignments.Any(a => a.OrganizationId == organizationId && a.CourseItemId == c.Id))
            .Select(c => new DashboardCourse(c.Id,
                db.ContentVersions.Where(v => v.Id == c.PublishedVersionId).Select(v => v.Title).FirstOrDefault() ?? c.Slug,
                db.ContentItems.Count(l => l.ParentId == c.Id && l.Kind == ContentKind.Lesson && !l.Archived)))
            .ToListAsync(cancellationToken)).OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();

    private Task<List<NetworkOrganization>> NetworkAsync(int networkId, DateTime now, CancellationToken cancellationToken)
    {
        var today = now.Date;
        // Assigned enrollments of an organization: its members' enrollments in the courses it assigned.
        var assigned = db.Organizations.Where(o => o.RegionalNetworkId == networkId).Select(o => new
        {
            o.Id, o.Name, o.Kind,
            Members = db.OrganizationMembers.Count(m => m.OrganizationId == o.Id),
            Enrollments = db.OrganizationMembers.Where(m => m.OrganizationId == o.Id)
                .Join(db.Enrollments, m => m.UserId, e => e.UserId, (m, e) => e)
                .Where(e => e.Source == EnrollmentSource.Assignment &&
                            db.Assignments.Any(a => a.OrganizationId == o.Id && a.CourseItemId == e.CourseItemId)),
        });
        return assigned.OrderBy(o => o.Name).Select(o => new NetworkOrganization(o.Id, o.Name, o.Kind, o.Members,
                o.Enrollments.Count(),
                o.Enrollments.Count(e => e.Status == EnrollmentStatus.Completed),
                o.Enrollments.Count(e => e.Status != EnrollmentStatus.Completed && e.DueAt < today)))
            .AsNoTracking().ToListAsync(cancellationToken);
    }
}
