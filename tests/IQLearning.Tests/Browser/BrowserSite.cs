using IQLearning.Tests.Support;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>The site on Kestrel plus Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public SiteFactory Site { get; } = new(startSmtp: true, kestrel: true);
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = Site.BaseAddress.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
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
        await Browser.CloseAsync();
        Playwright.Dispose();
        Site.Dispose();
    }
}

/// <summary>
/// A browser test: skipped when Chromium is missing on a developer machine, but run (and failing) in CI,
/// where a missing browser is a broken setup, never a pass.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserSite.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"Chromium is not installed at {BrowserSite.ChromiumPath} (apt-get install chromium); CI installs it.";
    }
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserSite.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"Chromium is not installed at {BrowserSite.ChromiumPath} (apt-get install chromium); CI installs it.";
    }
}
