using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class FoundationPagesTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    public static TheoryData<string, string> PublicPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "de", "en" })
        foreach (var url in new[] { "/", "/account/register", "/account/login", "/account/forgot-password", "/account/resend-confirmation",
                     "/account/register/confirmation", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/no-such-page" })
            data.Add(url, language);
        return data;
    }

    [BrowserTheory, MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_wcag_violations(string url, string language)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync(browser.BaseUrl + url);

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task The_theme_stylesheet_and_script_are_served_from_the_site_itself()
    {
        var page = await browser.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(browser.BaseUrl)) foreign.Add(request.Url); };
        var failed = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add(response.Url); };

        await page.GotoAsync(browser.BaseUrl + "/");

        Assert.Equal("rgb(243, 245, 248)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"));
        Assert.Empty(foreign);
        Assert.Empty(failed);
    }

    [BrowserFact]
    public async Task Invalid_registration_shows_an_accessible_error_summary_that_receives_focus()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/account/register");
        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync("kein-at-zeichen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
        Assert.Equal("true", await page.GetAttributeAsync("#Email", "aria-invalid"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task Register_confirm_and_sign_in_work_by_keyboard_alone_with_visible_focus()
    {
        var email = TestAccounts.Unique("keyboard");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");

        // The skip link is the first stop and is visible when focused.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));

        await Keyboard.TabToAsync(page, "a[href='/account/register']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/register");
        await Keyboard.TabToAsync(page, "#DisplayName");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.TypeAsync("Kim Tastatur");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/register/confirmation");

        var mail = await Mailbox.WaitForAsync(browser.Site.Smtp!, email);
        await page.GotoAsync(Mailbox.FirstLink(mail, "/account/confirm-email"));
        Assert.NotNull(await page.QuerySelectorAsync(".notice-success"));
        await Axe.AssertNoViolationsAsync(page);

        await Keyboard.TabToAsync(page, "main a.button[href='/account/login']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/login");
        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        Assert.Contains("Kim Tastatur", await page.InnerTextAsync(".account-link"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task Administration_pages_have_no_wcag_violations()
    {
        var admin = await TestAccounts.CreateAsync(browser.Site, Roles.Administrator);
        var learner = await TestAccounts.CreateAsync(browser.Site, Roles.Learner);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, admin.Email!);

        foreach (var url in new[] { "/admin", "/admin/users", $"/admin/users/{learner.Id}", "/admin/mail", "/account/profile", "/account/change-password" })
        {
            var response = await page.GotoAsync(browser.BaseUrl + url);
            Assert.Equal(200, response!.Status);
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, email);
    }
}
