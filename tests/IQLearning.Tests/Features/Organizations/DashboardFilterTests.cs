using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Dashboard;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>The member table's count and pages, whether the overview counts them or the filter is evaluated once for all members.</summary>
[Collection(SiteCollection.Name)]
public sealed class DashboardFilterTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    [Fact]
    public async Task Filtered_counts_and_pages_name_exactly_the_matching_members()
    {
        var org = await site.CreateOrganizationAsync("Filter GmbH " + Guid.NewGuid());
        await site.MemberAsync(org, MemberRole.Manager, "Zoe Manager");
        var people = new Dictionary<string, string>();
        foreach (var name in new[] { "Anna A", "Berta B", "Carl C", "Dora D", "Emil E" })
            people[name] = (await site.MemberAsync(org, MemberRole.Member, name)).Id;
        var courses = await site.PublishedCourseIdsAsync();
        var (all, some) = (courses[0], courses[1]);
        await site.AssignAsync(org, all, site.Today.AddDays(10));
        await site.AssignAsync(org, some, site.Today, userIds: [people["Anna A"], people["Carl C"], people["Emil E"]]);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.CompleteWithCertificateAsync(people["Berta B"], all, now, now.AddYears(2));
        site.Clock.Advance(TimeSpan.FromDays(1)); // "some" is overdue now

        Assert.Equal((1, 1, "Berta B"), await PageAsync(org, new DashboardFilter { Course = all, Status = ProgressStatus.Completed }));
        Assert.Equal((3, 2, "Anna A,Carl C"), await PageAsync(org, new DashboardFilter { Overdue = true }));
        Assert.Equal((3, 2, "Emil E"), await PageAsync(org, new DashboardFilter { Overdue = true, Page = 2 }));
        Assert.Equal((3, 2, "Emil E"), await PageAsync(org, new DashboardFilter { Course = some, Page = 9 }));
        Assert.Equal((1, 1, "Dora D"), await PageAsync(org, new DashboardFilter { Q = "Dora" }));
        Assert.Equal((6, 3, "Anna A,Berta B"), await PageAsync(org, new DashboardFilter()));
    }

    /// <summary>The dashboard with two members a page: (matching members, pages, names on the page).</summary>
    private Task<(int, int, string)> PageAsync(int org, DashboardFilter filter) => site.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var load = new LoadDashboard(db, site.Clock, Options.Create(new OrganizationsOptions { DashboardPageSize = 2 }));
        var organization = new ManagedOrganization(org, "Filter", OrganizationKind.Employer, false);
        var view = await load.RunAsync(organization, filter, CancellationToken.None);
        return (view.MatchingMembers, view.PageCount, string.Join(",", view.Members.Select(m => m.Name)));
    });
}
