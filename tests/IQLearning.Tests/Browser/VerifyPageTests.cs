using IQLearning.Tests.Features.Certificates.Web;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Certificates.Model;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>The certificate site on Kestrel with one issued certificate, and Chromium.</summary>
public sealed class VerifyBrowserSite : IAsyncLifetime
{
    public CertificateSite Site { get; } = new(kestrel: true);
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IssuedCertificate Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = Site.BaseAddress.ToString().TrimEnd('/');
        Certificate = await Site.EnrollAndCompleteAsync(await Site.CreateLearnerAsync("Zofia Łukasiewicz-Müller"), await Site.CreateCourseAsync());
        if (!File.Exists(BrowserSite.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true") return; // the tests skip
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string language)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language, ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        Site.Dispose();
    }
}

[Collection(SiteCollection.Name)]
public sealed class VerifyPageTests(VerifyBrowserSite browser) : IClassFixture<VerifyBrowserSite>
{
    [BrowserTheory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_verification_form_and_a_result_page_have_no_wcag_violations(string language)
    {
        var page = await browser.NewPageAsync(language);

        await page.GotoAsync(browser.BaseUrl + "/verify");
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"{browser.BaseUrl}/verify/{browser.Certificate.Number}?sha256={browser.Certificate.PdfSha256}");
        Assert.Equal("Valid", await page.GetAttributeAsync("[data-status]", "data-status"));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"{browser.BaseUrl}/verify/{browser.Certificate.Number}?sha256=falsch");
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserTheory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task A_certificate_and_its_pdf_hash_are_checked_by_keyboard_alone_with_visible_focus(string language)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync(browser.BaseUrl + "/verify");

        await Keyboard.TabToAsync(page, "#number");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.TypeAsync(browser.Certificate.Number.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("dl.certificate-facts");
        Assert.EndsWith("/verify/" + browser.Certificate.Number.ToLowerInvariant(), page.Url);
        Assert.Contains("Zofia Łukasiewicz-Müller", await page.InnerTextAsync("dl.certificate-facts"));

        await Keyboard.TabToAsync(page, "#sha256");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.TypeAsync(browser.Certificate.PdfSha256);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#hash-result");

        Assert.Equal("Matches", await page.GetAttributeAsync("#hash-result", "data-hash-check"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task A_pasted_credential_is_checked_by_keyboard_and_the_result_page_is_accessible()
    {
        var page = await browser.NewPageAsync("de");
        await page.GotoAsync(browser.BaseUrl + "/verify");

        await Keyboard.TabToAsync(page, "#jwt");
        await page.Keyboard.InsertTextAsync(browser.Certificate.CredentialJwt!);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-status]");
        Assert.EndsWith("/verify/credential", page.Url);

        Assert.Equal("valid", await page.GetAttributeAsync("[data-status]", "data-status"));
        await Axe.AssertNoViolationsAsync(page);
    }
}
