using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>Two organizations, a manager of each, a learner of A and an administrator.</summary>
public sealed class AccessSite : OrganizationSite, IAsyncLifetime
{
    public int A { get; private set; }
    public int B { get; private set; }
    public ApplicationUser ManagerOfA { get; private set; } = null!;
    public ApplicationUser LearnerOfA { get; private set; } = null!;
    public ApplicationUser MemberOfB { get; private set; } = null!;
    public ApplicationUser Administrator { get; private set; } = null!;
    public int InvitationOfB { get; private set; }

    public async Task InitializeAsync()
    {
        A = await CreateOrganizationAsync("Jobcenter A", OrganizationKind.JobCentre);
        B = await CreateOrganizationAsync("Firma B");
        ManagerOfA = await MemberAsync(A, MemberRole.Manager, "Manon Manager");
        LearnerOfA = await MemberAsync(A, MemberRole.Member, "Lena Lernend");
        await MemberAsync(B, MemberRole.Manager, "Bernd Boss");
        MemberOfB = await MemberAsync(B, MemberRole.Member, "Berta Beispiel");
        Administrator = await TestAccounts.CreateAsync(this, Roles.Administrator);
        var courses = await PublishedCourseIdsAsync();
        await AssignAsync(A, courses[0], Today.AddDays(30));
        await AssignAsync(B, courses[0], Today.AddDays(30));
        await WithDbAsync(async db =>
        {
            var invitation = new Invitation { OrganizationId = B, Email = "pending@example.org", TokenHash = new string('a', 64), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14) };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            InvitationOfB = invitation.Id;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[Collection(SiteCollection.Name)]
public sealed class OrganizationAccessTests(AccessSite site) : IClassFixture<AccessSite>
{
    private static readonly string[] Pages = ["", "/members", "/assignments", "/export.csv", "/export.xlsx", "?status=Overdue&q=a"];

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var page in Pages)
        {
            data.Add("learner", "own", page, 403);
            data.Add("learner", "other", page, 403);
            data.Add("manager", "own", page, 200);
            data.Add("manager", "other", page, 404);
            data.Add("admin", "own", page, 200);
            data.Add("admin", "other", page, 200);
            data.Add("anonymous", "own", page, 302);
        }
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Manager_pages_and_exports_answer_by_role_and_organization(string actor, string target, string page, int expected)
    {
        using var client = await ClientAsync(actor);
        var id = target == "own" ? site.A : site.B;

        var response = await client.Http.GetAsync($"/organizations/{id}{page}");

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 302) Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string, int> ChangesOfOtherOrganization() => new()
    {
        { "manager", 404 }, { "learner", 403 },
    };

    [Theory, MemberData(nameof(ChangesOfOtherOrganization))]
    public async Task Changes_to_another_organization_are_refused_and_store_nothing(string actor, int expected)
    {
        using var client = await ClientAsync(actor);
        var courses = await site.PublishedCourseIdsAsync();
        var b = site.B;
        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"/organizations/{b}/invitations", new() { ["Invitation.Email"] = "intruder@example.org", ["Invitation.Role"] = "Manager" }),
            ($"/organizations/{b}/members/import", new() { ["csv"] = "email,name,role\nintruder2@example.org,Eve,manager" }),
            ($"/organizations/{b}/assignments", new() { ["Form.CourseItemId"] = courses[1].ToString(), ["Form.DueDate"] = site.Today.AddDays(9).ToString("yyyy-MM-dd"), ["Form.AllMembers"] = "true" }),
            ($"/organizations/{b}/members/{site.MemberOfB.Id}/remove", new()),
            ($"/organizations/{b}/invitations/{site.InvitationOfB}/withdraw", new()),
        };
        foreach (var (action, fields) in posts)
        {
            var response = await client.PostFromPageAsync("/", action, fields);
            Assert.True(expected == (int)response.StatusCode, $"{action}: {(int)response.StatusCode}");
        }

        await site.WithDbAsync(async db =>
        {
            Assert.False(await db.Invitations.AnyAsync(i => i.Email.StartsWith("intruder")));
            Assert.Equal(1, await db.Assignments.CountAsync(a => a.OrganizationId == b));
            Assert.True(await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == b && m.UserId == site.MemberOfB.Id));
            Assert.True(await db.Invitations.AnyAsync(i => i.Id == site.InvitationOfB));
        });
    }

    [Fact]
    public async Task A_manager_cannot_withdraw_another_organizations_invitation_through_their_own_organization()
    {
        using var client = await ClientAsync("manager");

        var response = await client.PostFromPageAsync("/", $"/organizations/{site.A}/invitations/{site.InvitationOfB}/withdraw");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await site.WithDbAsync(async db => Assert.True(await db.Invitations.AnyAsync(i => i.Id == site.InvitationOfB)));
    }

    [Theory]
    [InlineData("manager", 403)]
    [InlineData("learner", 403)]
    [InlineData("admin", 200)]
    public async Task Only_administrators_manage_the_list_of_organizations(string actor, int expected)
    {
        using var client = await ClientAsync(actor);
        Assert.Equal(expected, (int)(await client.Http.GetAsync("/admin/organizations")).StatusCode);
        Assert.Equal(expected, (int)(await client.Http.GetAsync($"/admin/organizations/{site.B}/edit")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_of_a_large_page_runs_at_most_ten_queries()
    {
        using var client = await ClientAsync("manager");
        await client.Http.GetAsync($"/organizations/{site.A}"); // warm-up: the security stamp check may query once a minute
        site.Commands.Reset();

        var response = await client.Http.GetAsync($"/organizations/{site.A}?status=NotStarted&q=e");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var commands = site.Commands.For($"/organizations/{site.A}");
        Assert.InRange(commands.Count, 1, 10);
        Assert.Contains("Lena Lernend", await response.Content.ReadAsStringAsync());
    }

    private async Task<SiteClient> ClientAsync(string actor) => actor switch
    {
        "anonymous" => SiteClient.For(site),
        "learner" => await TestAccounts.SignedInAsync(site, site.LearnerOfA),
        "manager" => await TestAccounts.SignedInAsync(site, site.ManagerOfA),
        "admin" => await TestAccounts.SignedInAsync(site, site.Administrator),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };
}
