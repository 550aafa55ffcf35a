using System.Globalization;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>
/// Two assigned courses and a member in each state of the first: completed, expired, overdue, in progress, not
/// started (Anna is also overdue in the second course, everyone else has not started it).
/// </summary>
public sealed class StatusFilterSite : OrganizationSite, IAsyncLifetime
{
    public int Org { get; private set; }
    public List<int> Courses { get; private set; } = [];
    public ApplicationUser Manager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Org = await CreateOrganizationAsync("Filterprobe " + Guid.NewGuid());
        Manager = await MemberAsync(Org, MemberRole.Manager, "Mia Managerin");
        var anna = await MemberAsync(Org, MemberRole.Member, "Anna Abgeschlossen");
        var emil = await MemberAsync(Org, MemberRole.Member, "Emil Erloschen");
        var ines = await MemberAsync(Org, MemberRole.Member, "Ines Imkurs");
        await MemberAsync(Org, MemberRole.Member, "Norbert Neu");
        var olga = await MemberAsync(Org, MemberRole.Member, "Olga Overdue");
        Courses = (await PublishedCourseIdsAsync()).Take(2).ToList();
        await AssignAsync(Org, Courses[0], Today.AddDays(20));
        await AssignAsync(Org, Courses[1], Today.AddDays(20));

        var now = Clock.GetUtcNow().UtcDateTime;
        await CompleteWithCertificateAsync(anna.Id, Courses[0], now.AddDays(-10), now.AddYears(1));
        await CompleteWithCertificateAsync(emil.Id, Courses[0], now.AddDays(-800), now.AddDays(-1));
        await ChangeEnrollmentAsync(ines.Id, Courses[0], e => e.LastActivityAt = now.AddHours(-2));
        await ChangeEnrollmentAsync(olga.Id, Courses[0], e => e.DueAt = now.Date.AddDays(-3));
        await ChangeEnrollmentAsync(anna.Id, Courses[1], e => e.DueAt = now.Date.AddDays(-1));
    }

    private Task ChangeEnrollmentAsync(string userId, int courseId, Action<Enrollment> change) => WithDbAsync(async db =>
    {
        change(await db.Enrollments.SingleAsync(e => e.UserId == userId && e.CourseItemId == courseId));
        await db.SaveChangesAsync();
    });

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[Collection(SiteCollection.Name)]
public sealed class DashboardStatusFilterTests(StatusFilterSite site) : IClassFixture<StatusFilterSite>
{
    private static readonly string[] Everyone = ["Anna Abgeschlossen", "Emil Erloschen", "Ines Imkurs", "Mia Managerin", "Norbert Neu", "Olga Overdue"];

    public static TheoryData<int?, string, string[]> Filters() => new()
    {
        { 0, "status=Completed", ["Anna Abgeschlossen"] },
        { null, "status=Expired", ["Emil Erloschen"] },
        { null, "status=InProgress", ["Ines Imkurs"] },
        { null, "overdue=true", ["Anna Abgeschlossen", "Olga Overdue"] },
        { 0, "overdue=true", ["Olga Overdue"] },
        { 1, "status=Completed", [] },
        { 0, "status=NotStarted", ["Mia Managerin", "Norbert Neu"] },
        { null, "status=NotStarted", ["Emil Erloschen", "Ines Imkurs", "Mia Managerin", "Norbert Neu", "Olga Overdue"] },
        { 1, "", Everyone },
        { 0, "status=Expired&q=Emil", ["Emil Erloschen"] },
        { 0, "status=Completed&q=Emil", [] },
    };

    [Theory, MemberData(nameof(Filters))]
    public async Task The_member_table_lists_exactly_the_members_with_an_enrollment_in_that_state(int? course, string query, string[] expected)
    {
        using var client = await TestAccounts.SignedInAsync(site, site.Manager);
        var courseParameter = course is { } index ? $"course={site.Courses[index]}&" : "";

        var page = await SiteClient.ParseAsync(await client.Http.GetAsync($"/organizations/{site.Org}?{courseParameter}{query}"));

        var listed = page.QuerySelectorAll("table.member-matrix tbody th[scope=row]")
            .Select(th => Everyone.Single(name => th.TextContent.StartsWith(name, StringComparison.Ordinal))).ToList();
        Assert.Equal(expected, listed);
        Assert.StartsWith($"{expected.Length} von 6 ", page.QuerySelector("#members + p[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_export_lists_members_by_name_and_each_members_courses_by_title()
    {
        using var client = await TestAccounts.SignedInAsync(site, site.Manager);
        var titleOf = await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return db.ContentItems.Where(c => site.Courses.Contains(c.Id))
                .Select(c => new { c.Id, Title = db.ContentVersions.Where(v => v.Id == c.PublishedVersionId).Select(v => v.Title).Single() })
                .ToDictionaryAsync(c => c.Id, c => c.Title);
        });
        var byTitle = site.Courses.OrderBy(c => titleOf[c], StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false)).ToList();

        var rows = ExportTests.ReadSheet(await client.Http.GetByteArrayAsync($"/organizations/{site.Org}/export.xlsx")).Skip(1).ToList();

        Assert.Equal(Everyone.SelectMany(name => byTitle.Select(course => (name, titleOf[course]))), rows.Select(r => (r[0], r[2])));
        var annasStatus = new Dictionary<int, string> { [site.Courses[0]] = "Abgeschlossen", [site.Courses[1]] = "Überfällig" };
        Assert.Equal(byTitle.Select(c => annasStatus[c]), rows.Where(r => r[0] == "Anna Abgeschlossen").Select(r => r[3]));
    }
}
