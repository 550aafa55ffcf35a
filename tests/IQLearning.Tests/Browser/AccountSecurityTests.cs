using IQLearning.Tests.Support;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>A browser site whose sign-in lasts three minutes, so the timeout warning comes after one.</summary>
public sealed class ShortSessionBrowserSite : IAsyncLifetime
{
    public SiteFactory Site { get; } = new SiteFactory(startSmtp: true, kestrel: true).WithSetting("Accounts:SessionMinutes", "3");
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = Site.BaseAddress.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de", ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "de" },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        Site.Dispose();
    }
}

[Collection(SiteCollection.Name)]
public sealed class AccountSecurityTests(ShortSessionBrowserSite browser) : IClassFixture<ShortSessionBrowserSite>
{
    [BrowserFact]
    public async Task Two_minutes_before_the_session_ends_an_alert_offers_to_extend_it_and_the_button_does()
    {
        var page = await browser.NewPageAsync();
        // The page's timers run on a clock the test moves; the server keeps real time.
        await page.Clock.InstallAsync();
        await SignInAsync(page, await TestAccounts.CreateAsync(browser.Site));
        var before = DateTimeOffset.Parse((await page.GetAttributeAsync("body", "data-session-expires"))!);
        var warning = page.Locator("[data-session-warning]");
        Assert.False(await warning.IsVisibleAsync());

        await page.Clock.FastForwardAsync("00:50");
        Assert.False(await warning.IsVisibleAsync());
        await page.Clock.FastForwardAsync("00:15");

        await Assertions.Expect(warning).ToBeVisibleAsync();
        Assert.Equal("Ihre Sitzung läuft in 2 Minuten ab.", (await page.Locator("[data-session-warning] [role=alert]").TextContentAsync())?.Trim());
        // Non-modal: the warning does not take the focus away from where the person was.
        Assert.False(await page.EvaluateAsync<bool>("() => document.activeElement.closest('[data-session-warning]') !== null"));
        await Axe.AssertNoViolationsAsync(page);

        await Keyboard.TabToAsync(page, "[data-session-extend]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(warning).ToBeHiddenAsync();
        var after = DateTimeOffset.Parse((await page.GetAttributeAsync("body", "data-session-expires"))!);
        Assert.True(after > before, $"{after:O} is not after {before:O}");
        Assert.Equal("Ihre Sitzung wurde verlängert.", await page.Locator("[data-session-status]").TextContentAsync());
        // The next warning is again due two minutes before the new end, not earlier.
        await page.Clock.FastForwardAsync("00:50");
        Assert.False(await warning.IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Two_factor_setup_recovery_codes_and_change_email_pages_have_no_wcag_violations()
    {
        var page = await browser.NewPageAsync();
        var user = await TestAccounts.CreateAsync(browser.Site);
        await SignInAsync(page, user);

        foreach (var url in new[] { "/account/change-email", "/account/confirm-password?returnUrl=%2Faccount%2Fchange-email", "/account/two-factor" })
        {
            var response = await page.GotoAsync(browser.BaseUrl + url);
            Assert.Equal(200, response!.Status);
            await Axe.AssertNoViolationsAsync(page);
        }

        var key = (await page.TextContentAsync(".shared-key"))!.Replace(" ", "");
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('img.qr-code'); return i.complete && i.naturalWidth > 100; }"));
        await page.FillAsync("#Code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".recovery-codes");
        Assert.Equal(10, await page.Locator(".recovery-codes code").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task The_second_sign_in_step_has_no_wcag_violations_and_works_by_keyboard()
    {
        var user = await TestAccounts.CreateAsync(browser.Site, twoFactor: true);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/login");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await Axe.AssertNoViolationsAsync(page);

        var key = await TestAccounts.AuthenticatorKeyAsync(browser.Site, user);
        await page.FillAsync("#Code", Totp.Code(key) == "000000" ? "111111" : "000000");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        await Axe.AssertNoViolationsAsync(page);

        await page.FillAsync("#Code", Totp.Code(key));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
    }

    [BrowserFact]
    public async Task An_administrator_signs_in_with_the_second_step_and_reaches_the_administration()
    {
        var admin = await TestAccounts.CreateAsync(browser.Site, Web.Features.Accounts.Roles.Administrator);
        var page = await browser.NewPageAsync();

        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, admin);
        var response = await page.GotoAsync(browser.BaseUrl + "/admin/users");

        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/admin/users", page.Url);
    }

    private Task SignInAsync(IPage page, Web.Features.Accounts.ApplicationUser user) =>
        TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, user);
}
