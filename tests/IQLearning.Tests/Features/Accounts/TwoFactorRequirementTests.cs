using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class TwoFactorRequirementTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_reviewer_without_two_factor_is_sent_to_the_setup_from_every_page_until_it_is_on()
    {
        var reviewer = await TestAccounts.CreateAsync(site, Roles.Reviewer, twoFactor: false);
        using var client = await TestAccounts.SignedInAsync(site, reviewer, completeTwoFactorSetup: false);

        foreach (var url in new[] { "/review", "/", "/account/profile", "/account/change-email", "/admin/jobs" })
        {
            var (status, _) = await client.GetAsync(url);
            Assert.True(status == HttpStatusCode.Redirect, $"{url} answered {(int)status}");
            Assert.Equal("/account/two-factor", client.LastResponse!.Headers.Location!.OriginalString);
        }
        // What a person needs on the way there stays open.
        foreach (var url in new[] { "/account/two-factor", "/impressum", "/datenschutz", "/barrierefreiheit", "/health", "/_content/IQLearning.Theme/css/site.css" })
            Assert.True((await client.GetAsync(url)).Status == HttpStatusCode.OK, url);
        var (_, setup) = await client.GetAsync("/account/two-factor");
        Assert.NotNull(setup.QuerySelector(".notice-warning"));

        var key = setup.QuerySelector(".shared-key")!.TextContent.Replace(" ", "");
        await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var (reviewStatus, _) = await client.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, reviewStatus);
    }

    [Theory]
    [InlineData(Roles.Author, "/author")]
    [InlineData(Roles.Manager, "/")]
    [InlineData(Roles.Administrator, "/admin")]
    public async Task Every_privileged_role_must_set_it_up(string role, string url)
    {
        var user = await TestAccounts.CreateAsync(site, role, twoFactor: false);
        using var client = await TestAccounts.SignedInAsync(site, user, completeTwoFactorSetup: false);

        var (status, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/account/two-factor", client.LastResponse!.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_learner_is_not_asked_to_set_it_up()
    {
        var learner = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, learner);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).Status);
    }

    [Fact]
    public async Task A_learner_promoted_to_author_is_sent_to_the_setup_once_the_session_is_revalidated_or_renewed()
    {
        var learner = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, learner);
        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var adminClient = await TestAccounts.SignedInAsync(site, admin);
        await adminClient.PostFromPageAsync($"/admin/users/{learner.Id}", $"/admin/users/{learner.Id}/roles",
            new Dictionary<string, string> { ["roles"] = Roles.Author });

        // Signing in again picks up the role at once (the running session would within the stamp interval).
        using var again = await TestAccounts.SignedInAsync(site, learner, completeTwoFactorSetup: false);
        var (status, _) = await again.GetAsync("/author");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/account/two-factor", again.LastResponse!.Headers.Location!.OriginalString);
    }
}
