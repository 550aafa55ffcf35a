using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

/// <summary>ASVS 2.8.4/2.8.5: an authenticator code that was accepted once is refused for the rest of its window.</summary>
[Collection(SiteCollection.Name)]
public sealed class TwoFactorCodeReuseTests(TestSite site) : IClassFixture<TestSite>
{
    private const string UsedMessage = "Dieser Code wurde schon einmal verwendet";

    [Fact]
    public async Task A_code_that_signed_in_once_is_refused_with_a_clear_message_and_the_next_code_works()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var key = await TestAccounts.AuthenticatorKeyAsync(site, user);
        var code = Totp.Code(key);
        using (var first = SiteClient.For(site))
            Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, user, code)).StatusCode);

        using var second = SiteClient.For(site);
        var refused = await SecondStepAsync(second, user, code);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UsedMessage, (await SiteClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync("/account/profile")).StatusCode);

        var next = await second.SubmitAsync("/account/login/two-factor", "/account/login/two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, stepOffset: 1) });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task After_a_later_code_an_earlier_one_still_within_the_drift_window_is_refused()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var key = await TestAccounts.AuthenticatorKeyAsync(site, user);
        using (var first = SiteClient.For(site))
            Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, user, Totp.Code(key, stepOffset: 1))).StatusCode);

        using var second = SiteClient.For(site);
        var refused = await SecondStepAsync(second, user, Totp.Code(key));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UsedMessage, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_code_that_confirmed_the_set_up_does_not_sign_in_again()
    {
        var user = await TestAccounts.CreateAsync(site);
        string code;
        using (var client = await TestAccounts.SignedInAsync(site, user))
        {
            var (_, setup) = await client.GetAsync("/account/two-factor");
            code = Totp.Code(setup.QuerySelector(".shared-key")!.TextContent.Replace(" ", ""));
            var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = code });
            Assert.NotEmpty((await SiteClient.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes code"));
        }

        using var again = SiteClient.For(site);
        var refused = await SecondStepAsync(again, user, code);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UsedMessage, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_code_used_at_sign_in_does_not_confirm_a_set_up_in_the_same_window()
    {
        // An account whose key exists but is not switched on yet: the check the set-up page runs refuses a used step.
        var user = await TestAccounts.CreateAsync(site);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(account);
        var code = Totp.Code((await users.GetAuthenticatorKeyAsync(account))!);
        using var client = await TestAccounts.SignedInAsync(site, user);
        await ForceFirstUseAsync(user, code);

        var response = await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = code });

        Assert.Contains(UsedMessage, await response.Content.ReadAsStringAsync());
        Assert.False((await users.FindByIdAsync(user.Id))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Of_two_requests_sent_at_once_with_the_same_code_only_one_signs_in()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var code = Totp.Code(await TestAccounts.AuthenticatorKeyAsync(site, user));
        var clients = Enumerable.Range(0, 4).Select(_ => SiteClient.For(site)).ToList();
        var steps = new List<(SiteClient Client, string Url, string Token)>();
        foreach (var client in clients)
        {
            var password = await client.SubmitAsync("/account/login", "/account/login", Credentials(user));
            var url = password.Headers.Location!.OriginalString;
            var (_, page) = await client.GetAsync(url);
            steps.Add((client, url, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value));
        }

        var responses = await Task.WhenAll(steps.Select(s => s.Client.Http.PostAsync("/account/login/two-factor",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = s.Token }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Of_many_checks_of_one_code_at_once_exactly_one_passes()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var code = Totp.Code(await TestAccounts.AuthenticatorKeyAsync(site, user));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var scope = site.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            return await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code);
        })));

        Assert.Equal(1, results.Count(passed => passed));
    }

    private static Dictionary<string, string> Credentials(ApplicationUser user) =>
        new() { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password };

    private static async Task<HttpResponseMessage> SecondStepAsync(SiteClient client, ApplicationUser user, string code)
    {
        var password = await client.SubmitAsync("/account/login", "/account/login", Credentials(user));
        return await client.SubmitAsync(password.Headers.Location!.OriginalString, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = code });
    }

    /// <summary>Uses the code through the same check sign-in runs, as if it had just signed in elsewhere.</summary>
    private async Task ForceFirstUseAsync(ApplicationUser user, string code)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.VerifyTwoFactorTokenAsync((await users.FindByIdAsync(user.Id))!, TokenOptions.DefaultAuthenticatorProvider, code));
    }
}
