using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class TwoFactorTests(TestSite site) : IClassFixture<TestSite>
{
    private static Dictionary<string, string> Credentials(ApplicationUser user) =>
        new() { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password };

    [Fact]
    public async Task Enabling_with_a_code_from_the_app_turns_it_on_and_shows_ten_recovery_codes()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        var (status, page) = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, status);
        var groupedKey = page.QuerySelector(".shared-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", groupedKey);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", page.QuerySelector("img.qr-code")!.GetAttribute("src"));
        var key = groupedKey.Replace(" ", "");
        Assert.Equal(await TestAccounts.AuthenticatorKeyAsync(site, user), key);

        var wrong = await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = WrongCodes(key).First() });
        Assert.Equal("true", (await SiteClient.ParseAsync(wrong)).GetElementById("Code")!.GetAttribute("aria-invalid"));
        Assert.False(await TwoFactorEnabledAsync(user));

        var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var codesPage = await SiteClient.ParseAsync(enabled);
        var codes = codesPage.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        var download = Uri.UnescapeDataString(codesPage.QuerySelector("a[download]")!.GetAttribute("href")!);
        Assert.All(codes, c => Assert.Contains(c, download));
        Assert.True(await TwoFactorEnabledAsync(user));
        Assert.Contains("account.two-factor-enabled", await EventsAsync(user));

        // This session goes on (the stamp change only ends others); the codes are not shown again.
        var (status2, again) = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, status2);
        Assert.Empty(again.QuerySelectorAll(".recovery-codes code"));
        Assert.Contains("10", again.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Sign_in_with_two_factor_needs_the_second_step_before_any_page_opens()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        using var client = SiteClient.For(site);

        var password = await client.SubmitAsync("/account/login", "/account/login", Credentials(user));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var second = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login/two-factor", second);
        var (profileStatus, _) = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, profileStatus);
        Assert.StartsWith("/account/login", client.LastResponse!.Headers.Location!.PathAndQuery);

        var done = await client.SubmitAsync(second, "/account/login/two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(await TestAccounts.AuthenticatorKeyAsync(site, user)) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).Status);
        Assert.Contains("account.sign-in", await EventsAsync(user));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var code = (await RecoveryCodesAsync(user))[3];

        using (var first = SiteClient.For(site))
        {
            var step = await first.SubmitAsync("/account/login", "/account/login", Credentials(user));
            var done = await first.SubmitAsync(step.Headers.Location!.OriginalString, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        using var second = SiteClient.For(site);
        var again = await second.SubmitAsync("/account/login", "/account/login", Credentials(user));
        var refused = await second.SubmitAsync(again.Headers.Location!.OriginalString, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Der Code ist nicht korrekt", (await SiteClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_lockout_and_are_recorded()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var key = await TestAccounts.AuthenticatorKeyAsync(site, user);
        using var client = SiteClient.For(site);
        var step = (await client.SubmitAsync("/account/login", "/account/login", Credentials(user))).Headers.Location!.OriginalString;
        foreach (var wrong in WrongCodes(key).Take(5))
            await client.SubmitAsync(step, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = wrong });
        var right = await client.SubmitAsync(step, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("vorübergehend gesperrt", await right.Content.ReadAsStringAsync());
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        Assert.True((await EventsAsync(user)).Count(e => e == "account.sign-in.second-factor-failed") >= 4);
    }

    [Fact]
    public async Task A_wrong_recovery_code_counts_towards_lockout_too()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        using var client = SiteClient.For(site);
        var step = (await client.SubmitAsync("/account/login", "/account/login", Credentials(user))).Headers.Location!.OriginalString;

        await client.SubmitAsync(step, "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = "NOTAC-ODE12" });

        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task Regenerating_recovery_codes_makes_the_old_ones_invalid_and_is_recorded()
    {
        var user = await TestAccounts.CreateAsync(site, twoFactor: true);
        var old = (await RecoveryCodesAsync(user))[0];
        using var client = await TestAccounts.SignedInAsync(site, user);

        var response = await client.PostFromPageAsync("/account/two-factor", "/account/two-factor/recovery-codes");
        var fresh = (await SiteClient.ParseAsync(response)).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();

        Assert.Equal(10, fresh.Count);
        Assert.DoesNotContain(old, fresh);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync((await users.FindByIdAsync(user.Id))!, old)).Succeeded);
        Assert.Contains("account.recovery-codes-regenerated", await EventsAsync(user));
    }

    [Fact]
    public async Task A_learner_may_turn_it_off_but_an_administrator_may_not()
    {
        var learner = await TestAccounts.CreateAsync(site, twoFactor: true);
        using (var client = await TestAccounts.SignedInAsync(site, learner))
        {
            var off = await client.PostFromPageAsync("/account/two-factor", "/account/two-factor/disable");
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }
        Assert.False(await TwoFactorEnabledAsync(learner));
        Assert.Contains("account.two-factor-disabled", await EventsAsync(learner));

        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var adminClient = await TestAccounts.SignedInAsync(site, admin);
        var (_, page) = await adminClient.GetAsync("/account/two-factor");
        Assert.Null(page.QuerySelector("form[action='/account/two-factor/disable']"));
        var refused = await adminClient.PostFromPageAsync("/account/two-factor", "/account/two-factor/disable");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(admin));
    }

    /// <summary>Six-digit codes that are not valid in any time step the server accepts now.</summary>
    private static IEnumerable<string> WrongCodes(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(o => Totp.Code(key, stepOffset: o)).ToHashSet();
        return Enumerable.Range(100000, 20).Select(n => n.ToString()).Where(c => !valid.Contains(c));
    }

    private async Task<bool> TwoFactorEnabledAsync(ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByIdAsync(user.Id))!.TwoFactorEnabled;
    }

    private async Task<List<string>> RecoveryCodesAsync(ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.ToList();
    }

    private async Task<List<string>> EventsAsync(ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents
            .Where(e => e.Subject == $"user:{user.Id}").Select(e => e.Action).ToListAsync();
    }
}
