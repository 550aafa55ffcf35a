using IQLearning.Tests.Support;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>The site on Kestrel seeded with the shipped curriculum, plus Debian's Chromium.</summary>
public sealed class CatalogBrowserSite : IAsyncLifetime
{
    public SiteFactory Site { get; } = new SiteFactory(startSmtp: false, kestrel: true, useSmtp: false)
        .WithSetting("Content:SeedDirectory", SiteFactory.ShippedContent);
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = Site.BaseAddress.ToString().TrimEnd('/');
        if (!File.Exists(BrowserSite.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true") return; // the tests skip themselves
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string language = "de")
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
public sealed class CatalogPagesTests(CatalogBrowserSite browser) : IClassFixture<CatalogBrowserSite>
{
    public static TheoryData<string, string> CatalogPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "de", "en" })
        foreach (var url in new[]
                 {
                     "/courses", "/courses?audience=hr&topic=recruiting&duration=long&language=de&language=en&q=bias",
                     "/courses?duration=short", "/courses/interkulturelle-kompetenz-personalmanagement",
                     "/courses/discrimination-sensitive-counselling-jobcentre", "/materials", "/materials?audience=jobcentre&language=en",
                     "/materials/gespraechsleitfaden-arbeitgeberwuensche", "/materials/employer-requests-conversation-guide",
                     "/standards", "/standards/iq-qs-ikoe", "/search?q=agg+arbeitgeber", "/search?q=", "/search?q=keinetreffer",
                 })
            data.Add(url, language);
        return data;
    }

    [BrowserTheory, MemberData(nameof(CatalogPages))]
    public async Task Catalog_pages_have_no_wcag_violations(string url, string language)
    {
        var page = await browser.NewPageAsync(language);
        var response = await page.GotoAsync(browser.BaseUrl + url);

        Assert.Equal(200, response!.Status);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task The_catalog_works_by_keyboard_alone_from_filter_to_course()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/courses");

        await Keyboard.TabToAsync(page, "#filter-audience");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("jobcentre", await page.InputValueAsync("#filter-audience"));
        await Keyboard.TabToAsync(page, "#filter-language-de");
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, ".catalog-filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("audience=jobcentre") && url.Contains("language=de"));
        Assert.True(await page.IsCheckedAsync("#filter-language-de"));

        var links = await page.Locator(".catalog-card h2 a").AllAsync();
        Assert.Single(links);
        await Keyboard.TabToAsync(page, ".catalog-card h2 a");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".catalog-modules");
        Assert.EndsWith("/courses/diskriminierungssensibel-beraten-jobcenter", page.Url);
        Assert.Contains("Diskriminierungssensibel", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task A_search_from_the_catalog_by_keyboard_reaches_a_lessons_course()
    {
        var page = await browser.NewPageAsync("en");
        await page.GotoAsync(browser.BaseUrl + "/standards");

        await Keyboard.TabToAsync(page, "#site-search-q");
        await page.Keyboard.TypeAsync("intersektionalität");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".catalog-search-group[data-kind=Lesson]");
        Assert.Equal("intersektionalität", await page.InputValueAsync("#site-search-q"));
        await Keyboard.TabToAsync(page, ".catalog-search-group[data-kind=Lesson] .catalog-hits a");
        var course = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync(".catalog-modules");
        Assert.Equal(browser.BaseUrl + course, page.Url);
        Assert.StartsWith("/courses/", course);
    }
}
