using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Admin;

[Collection(SiteCollection.Name)]
public sealed class AdminAccessTests(TestSite site) : IClassFixture<TestSite>
{
    public static TheoryData<string> AdminUrls => new() { "/admin", "/admin/users", "/admin/mail", "/admin/jobs" };

    [Theory, MemberData(nameof(AdminUrls))]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page(string url)
    {
        using var client = SiteClient.For(site);
        var (status, _) = await client.GetAsync(url);

        if (url == "/admin/jobs")
            Assert.Equal(HttpStatusCode.Unauthorized, status); // Hangfire's dashboard answers for itself
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(url)}", client.LastResponse!.Headers.Location!.PathAndQuery);
        }
    }

    [Theory, MemberData(nameof(AdminUrls))]
    public async Task Learner_gets_403(string url)
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Learner));
        var (status, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        if (url != "/admin/jobs") Assert.Equal("Kein Zugriff", page.QuerySelector("h1")!.TextContent);
    }

    [Theory, MemberData(nameof(AdminUrls))]
    public async Task Administrator_gets_the_page(string url)
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));
        var (status, _) = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Administrator_finds_a_user_by_name_or_address()
    {
        var wanted = await TestAccounts.CreateAsync(site, Roles.Learner, TestAccounts.Unique("findme"));
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        var (_, page) = await client.GetAsync("/admin/users?q=FINDME");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(wanted.Email!));
        Assert.All(rows, r => Assert.Contains("findme", r));
    }

    [Fact]
    public async Task Administrator_assigns_roles_and_the_user_gains_their_rights()
    {
        var user = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        var response = await admin.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/roles",
            new Dictionary<string, string> { ["roles"] = Roles.Administrator });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!));
        using var promoted = await TestAccounts.SignedInAsync(site, user);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task Unknown_role_is_rejected()
    {
        var user = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        var response = await admin.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/roles",
            new Dictionary<string, string> { ["roles"] = "Superuser" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_locks_a_user_out_and_unlocks_again()
    {
        var user = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        await admin.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/lock");
        using (var refused = SiteClient.For(site))
        {
            var signIn = await refused.SubmitAsync("/account/login", "/account/login",
                new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        await admin.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/unlock");
        using var allowed = await TestAccounts.SignedInAsync(site, user);
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync("/account/profile")).Status);
    }

    [Fact]
    public async Task Administrator_cannot_lock_out_or_demote_themselves()
    {
        var self = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var admin = await TestAccounts.SignedInAsync(site, self);

        await admin.PostFromPageAsync($"/admin/users/{self.Id}", $"/admin/users/{self.Id}/lock");
        await admin.PostFromPageAsync($"/admin/users/{self.Id}", $"/admin/users/{self.Id}/roles",
            new Dictionary<string, string> { ["roles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);
    }
}
