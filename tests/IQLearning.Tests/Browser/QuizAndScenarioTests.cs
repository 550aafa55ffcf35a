using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>The site with the shipped curriculum and self-assessments on Kestrel, and Debian's Chromium.</summary>
public sealed class QuizBrowserSite : IAsyncLifetime
{
    public SiteFactory Site { get; } = new SiteFactory(startSmtp: true, kestrel: true)
        .WithSetting("Content:SeedDirectory", SiteFactory.ShippedContent)
        .WithSetting("SelfAssessments:Directory", Path.Combine(SiteFactory.ShippedContent, "self-assessments"));
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

    public async Task<IPage> SignedInPageAsync(string language = "de")
    {
        var user = await TestAccounts.CreateAsync(Site);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language, ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public async Task<(int Id, string Body)> ItemAsync(ContentKind kind, string slug)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.SingleAsync(i => i.Kind == kind && i.Slug == slug);
        return (item.Id, await db.ContentVersions.Where(v => v.Id == item.PublishedVersionId).Select(v => v.Body).SingleAsync());
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        Site.Dispose();
    }
}

[Collection(SiteCollection.Name)]
public sealed class QuizAndScenarioTests(QuizBrowserSite browser) : IClassFixture<QuizBrowserSite>
{
    private static Task<bool> FocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector);

    [BrowserTheory, InlineData("de"), InlineData("en")]
    public async Task A_quiz_can_be_taken_by_keyboard_alone_including_the_review_step(string language)
    {
        var (quizId, _) = await browser.ItemAsync(ContentKind.Assessment, "interkulturelle-kompetenz-personalmanagement/abschlusstest.gift");
        var page = await browser.SignedInPageAsync(language);
        await page.GotoAsync($"{browser.BaseUrl}/quiz/{quizId}");
        await Axe.AssertNoViolationsAsync(page);

        await Keyboard.TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/quiz/{quizId}/attempts/*");
        await Axe.AssertNoViolationsAsync(page);

        // The first radio group: Tab reaches it, Space chooses; quiz.js saves it on its own.
        await Keyboard.TabToAsync(page, "fieldset.question input[type=radio]");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        var radioId = await page.EvaluateAsync<string>("() => document.activeElement.id");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-autosave-status]').textContent.length > 10 && !document.querySelector('[data-autosave-status]').textContent.includes('…')");
        await Keyboard.TabToAsync(page, "fieldset.question input[type=text]:not([inputmode])", 120);
        await page.Keyboard.TypeAsync("Referenzberuf");
        await Keyboard.TabToAsync(page, "button[value=review]", 200);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/review");
        Assert.True(await page.IsVisibleAsync(".unanswered"));
        await Axe.AssertNoViolationsAsync(page);

        // Back from the review to the question keeps the autosaved answer.
        await Keyboard.TabToAsync(page, "main .review-list a", 40);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/attempts/*#question-*");
        Assert.True(await page.IsCheckedAsync("#" + radioId));
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/review");

        await Keyboard.TabToAsync(page, "form[action$='/submit'] button", 200);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/result");
        Assert.True(await page.IsVisibleAsync(".result-summary"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task A_scenario_can_be_played_by_keyboard_alone_to_its_end()
    {
        var (scenarioId, yaml) = await browser.ItemAsync(ContentKind.Scenario, "ikhr-das-zweite-interview");
        var scenario = ScenarioReader.Read("s.yml", yaml).Scenario!;
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/scenario/{scenarioId}");
        await Axe.AssertNoViolationsAsync(page);
        await Keyboard.TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/runs/*");

        for (var step = scenario.Step(scenario.Start); step is not null;)
        {
            await Axe.AssertNoViolationsAsync(page);
            var option = ShortestOption(scenario, step);
            await Keyboard.TabToAsync(page, "input[name=option]");
            await page.Keyboard.PressAsync("Space");
            for (var i = 0; i < option; i++) await page.Keyboard.PressAsync("ArrowDown");
            Assert.True(await page.IsCheckedAsync($"#option-{option}"));
            await Keyboard.TabToAsync(page, "main form button.primary");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/choices/*");
            await Axe.AssertNoViolationsAsync(page);
            await Keyboard.TabToAsync(page, "main a.button");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/runs/\d+$"));
            step = step.Options[option].Next is { } next ? scenario.Step(next) : null;
        }

        Assert.True(await page.IsVisibleAsync("main .notice-success"));
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>The option that reaches an end in the fewest steps, so the walk always finishes.</summary>
    private static int ShortestOption(Scenario scenario, ScenarioStep step)
    {
        var distance = scenario.Steps.ToDictionary(s => s.Id, _ => int.MaxValue / 2);
        for (var round = 0; round < scenario.Steps.Count; round++)
            foreach (var s in scenario.Steps)
                distance[s.Id] = s.Options.Min(o => o.Next is null ? 1 : distance[o.Next] + 1);
        return step.Options.Select((o, i) => (Cost: o.Next is null ? 0 : distance[o.Next], i)).MinBy(x => x.Cost).i;
    }

    [BrowserTheory, InlineData("de"), InlineData("en")]
    public async Task The_self_assessment_and_its_profile_have_no_wcag_violations(string language)
    {
        var page = await browser.SignedInPageAsync(language);
        await page.GotoAsync(browser.BaseUrl + "/self-assessment");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync(browser.BaseUrl + "/self-assessment/interkulturelle-kompetenz");
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("main form[action='/self-assessment/interkulturelle-kompetenz'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.True(await FocusedAsync(page, ".error-summary"));
        await Axe.AssertNoViolationsAsync(page);

        foreach (var radio in await page.QuerySelectorAllAsync("fieldset.likert input[type=radio][value='4']")) await radio.CheckAsync();
        await page.ClickAsync("main form[action='/self-assessment/interkulturelle-kompetenz'] button[type=submit]");
        await page.WaitForURLAsync("**/results/*");
        Assert.True(await page.IsVisibleAsync("svg[role=img]"));
        await Axe.AssertNoViolationsAsync(page);
    }
}
