using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Accounts;

/// <summary>
/// ASVS 3.3.1/3.3.3 (5.0 7.4.1, 7.4.2): a new security stamp ends the user's other sessions. The stamp is checked
/// once a minute per session (SecurityStampValidatorOptions.ValidationInterval), so they end within a minute.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SessionEndTests(FakeClockSite site) : IClassFixture<FakeClockSite>
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_at_their_next_request_after_the_check_interval()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var other = await TestAccounts.SignedInAsync(site, user);
        using var changing = await TestAccounts.SignedInAsync(site, user);

        var changed = await changing.SubmitAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestAccounts.Password, ["NewPassword"] = "ein ganz neues Passwort 2027", ["ConfirmPassword"] = "ein ganz neues Passwort 2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/profile")).Status);

        site.Clock.Advance(CheckInterval + TimeSpan.FromSeconds(1));

        AssertSignedOut(await other.GetAsync("/account/profile"), other);
        Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/account/profile")).Status);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions_at_their_next_request_after_the_check_interval()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var session = await TestAccounts.SignedInAsync(site, user);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        await admin.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/lock");
        site.Clock.Advance(CheckInterval + TimeSpan.FromSeconds(1));

        AssertSignedOut(await session.GetAsync("/account/profile"), session);
    }

    private static void AssertSignedOut((HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page) response, SiteClient client)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("/account/login", client.LastResponse!.Headers.Location!.PathAndQuery);
    }
}
