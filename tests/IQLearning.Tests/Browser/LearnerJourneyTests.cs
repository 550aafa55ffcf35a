using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>A browser on the site seeded with the shipped curriculum.</summary>
public sealed class CurriculumBrowserSite : IAsyncLifetime
{
    public CurriculumBrowserSite() => Browser.Site.WithSetting("Content:SeedDirectory", SiteFactory.ShippedContent);

    public BrowserSite Browser { get; } = new();

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

[Collection(SiteCollection.Name)]
public sealed class LearnerJourneyTests(CurriculumBrowserSite fixture) : IClassFixture<CurriculumBrowserSite>
{
    private const string CourseSlug = "auslaendische-berufsabschluesse-anerkennung";
    private BrowserSite Browser => fixture.Browser;

    [BrowserFact]
    public async Task A_learner_enrols_reads_and_marks_lessons_done_by_keyboard_alone()
    {
        var user = await TestAccounts.CreateAsync(Browser.Site, Roles.Learner);
        var page = await Browser.NewPageAsync();
        await SignInByKeyboardAsync(page, user.Email!);

        // Dashboard, from the main navigation.
        await Keyboard.TabToAsync(page, ".main-nav a[href='/learn']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(Browser.BaseUrl + "/learn");
        Assert.Contains("keinem Kurs", await page.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(page);

        // The course page (the catalog's page will embed the same component) and the enrol button.
        await page.GotoAsync($"{Browser.BaseUrl}/courses/{CourseSlug}");
        await Axe.AssertNoViolationsAsync(page);
        await Keyboard.TabToAsync(page, ".course-enrolment button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/learn/{CourseSlug}/*");
        var firstLesson = page.Url;
        Assert.Equal("page", await page.GetAttributeAsync(".lesson-toc a[aria-current]", "aria-current"));
        await Axe.AssertNoViolationsAsync(page);

        // Mark the lesson done: the next lesson opens and the first shows as done, with the number in text.
        await Keyboard.TabToAsync(page, "#mark-done", maxTabs: 200);
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url != firstLesson);
        Assert.Contains("(abgeschlossen)", await page.InnerTextAsync(".toc-lessons li:first-child"));
        Assert.Contains("1 von 8 Lektionen abgeschlossen", await page.InnerTextAsync(".lesson-toc .learning-progress"));
        Assert.Equal("1", await page.GetAttributeAsync(".lesson-toc progress", "value"));
        await Axe.AssertNoViolationsAsync(page);

        // Back on the dashboard the course shows its progress, and "continue" resumes at the second lesson.
        var secondLesson = page.Url;
        await Keyboard.TabToAsync(page, ".main-nav a[href='/learn']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(Browser.BaseUrl + "/learn");
        Assert.Contains("1 von 8 Lektionen abgeschlossen", await page.InnerTextAsync(".learning-courses"));
        await Axe.AssertNoViolationsAsync(page);
        await Keyboard.TabToAsync(page, $".learning-courses a.button[href='/learn/{CourseSlug}']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(secondLesson);
    }

    [BrowserFact]
    public async Task The_lesson_page_and_dashboard_have_no_wcag_violations_in_english()
    {
        var user = await TestAccounts.CreateAsync(Browser.Site, Roles.Learner);
        var page = await Browser.NewPageAsync("en");
        await SignInByKeyboardAsync(page, user.Email!);
        await page.GotoAsync($"{Browser.BaseUrl}/courses/{CourseSlug}");
        await page.ClickAsync(".course-enrolment button[type=submit]");
        await page.WaitForURLAsync($"**/learn/{CourseSlug}/*");

        Assert.Equal("de", await page.GetAttributeAsync("h1", "lang"));
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync(Browser.BaseUrl + "/learn");
        Assert.Contains("0 of 8 lessons done", await page.InnerTextAsync(".learning-courses"));
        await Axe.AssertNoViolationsAsync(page);
    }

    private async Task SignInByKeyboardAsync(IPage page, string email)
    {
        await page.GotoAsync(Browser.BaseUrl + "/account/login");
        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(Browser.BaseUrl + "/");
    }
}
