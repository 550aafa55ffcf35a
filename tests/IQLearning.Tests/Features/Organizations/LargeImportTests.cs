using System.Diagnostics;
using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>A member list of thousands of rows: read in a few queries per 500 rows, all or nothing, with the same result as row by row.</summary>
[Collection(SiteCollection.Name)]
public sealed class LargeImportTests(OrganizationSite site, ITestOutputHelper output) : IClassFixture<OrganizationSite>
{
    private const int Existing = 1_500, Unknown = 1_500, AlreadyMembers = 100;

    [Fact]
    public async Task Three_thousand_rows_are_imported_correctly_with_a_few_dozen_queries_and_a_bad_row_stores_nothing()
    {
        var org = await site.CreateOrganizationAsync("Großimport GmbH " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager);
        var course = (await site.PublishedCourseIdsAsync())[0];
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accounts = await CreateAccountsAsync(tag);
        await site.WithDbAsync(async db =>
        {
            db.OrganizationMembers.AddRange(accounts.Take(AlreadyMembers).Select(id => new OrganizationMember
                { OrganizationId = org, UserId = id, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        });
        await site.AssignAsync(org, course, site.Today.AddDays(60), mandatory: true);
        var rows = Enumerable.Range(0, Existing).Select(i => $"known{i}-{tag}@example.org,Bekannt {i},{(i % 50 == 0 ? "manager" : "member")}")
            .Concat(Enumerable.Range(0, Unknown).Select(i => $"new{i}-{tag}@example.org,Neu {i},member")).ToList();
        using var client = await TestAccounts.SignedInAsync(site, manager);
        var path = $"/organizations/{org}/members/import";

        var bad = string.Join("\n", ["email,name,role", .. rows, $"new0-{tag}@example.org,Doppelt,member"]);
        var rejected = await client.SubmitAsync($"/organizations/{org}/members", path, new Dictionary<string, string> { ["csv"] = bad });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var report = (await SiteClient.ParseAsync(rejected)).QuerySelectorAll(".import-report tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal([$"{rows.Count + 2}"], report);
        await AssertMembersAsync(org, AlreadyMembers + 1, invitations: 0);

        site.Commands.Reset();
        var watch = Stopwatch.StartNew();
        var response = await client.SubmitAsync($"/organizations/{org}/members", path,
            new Dictionary<string, string> { ["csv"] = string.Join("\n", ["email,name,role", .. rows]) });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reads = site.Commands.For(path).Count(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"Imported {rows.Count} rows in {watch.ElapsedMilliseconds} ms with {reads} SELECT commands ({site.Commands.For(path).Count} commands in all).");
        Assert.True(reads <= 40, $"{reads} SELECT commands for {rows.Count} rows");

        await AssertMembersAsync(org, Existing + 1, invitations: Unknown);
        await site.WithDbAsync(async db =>
        {
            // Every member, old and new, holds the organization's "all members" assignment; managers got the role.
            Assert.Equal(Existing + 1, await db.Enrollments.CountAsync(e => e.CourseItemId == course
                && db.OrganizationMembers.Any(m => m.OrganizationId == org && m.UserId == e.UserId) && e.AssignmentId != null));
            Assert.Equal(Existing / 50 + 1, await db.OrganizationMembers.CountAsync(m => m.OrganizationId == org && m.Role == MemberRole.Manager));
            var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync();
            Assert.Equal(Existing / 50, await db.UserRoles.CountAsync(r => r.RoleId == managerRole && accounts.Contains(r.UserId)));
            Assert.Equal(Unknown, await db.OutboxMessages.CountAsync(m => m.ToAddress.StartsWith("new") && m.ToAddress.EndsWith($"-{tag}@example.org")));
        });
    }

    private Task AssertMembersAsync(int org, int members, int invitations) => site.WithDbAsync(async db =>
    {
        Assert.Equal(members, await db.OrganizationMembers.CountAsync(m => m.OrganizationId == org));
        Assert.Equal(invitations, await db.Invitations.CountAsync(i => i.OrganizationId == org));
    });

    /// <summary>Accounts written straight to the table: hashing 1,500 passwords would only test the hasher.</summary>
    private Task<List<string>> CreateAccountsAsync(string tag) => site.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = Enumerable.Range(0, Existing).Select(i => $"known{i}-{tag}@example.org").Select(email => new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = email[..email.IndexOf('@')], SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    });
}
