using IQLearning.Tests.Features.Authoring;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>
/// The journey in a real browser: an author writes a lesson draft by keyboard (with a Markdown image), previews
/// it live and on the server, saves and submits it; a reviewer publishes it. Every page on the way passes axe.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AuthoringJourneyTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private readonly AuthoringWorld _world = new(browser.Site);

    [BrowserFact]
    public async Task An_author_writes_and_submits_a_lesson_by_keyboard_and_a_reviewer_publishes_it()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var course = await _world.DraftAsync(author, unit, "Der Kurs", ContentKind.Course);
        var slug = AuthoringWorld.Slug("diagramm");

        var page = await SignedInPageAsync(author);
        await page.GotoAsync(browser.BaseUrl + "/author/new/lesson");
        await WriteLessonByKeyboardAsync(page, slug, course.ContentItemId);

        // The live preview (authoring.js) shows the image while typing, before anything is saved.
        await page.WaitForSelectorAsync("[data-preview-output] img[alt='Diagramm']");
        Assert.False(await _world.ReadAsync(db => db.ContentItems.AnyAsync(i => i.Slug == slug)));

        // The server-side preview, triggered by keyboard, moves focus to the preview heading.
        await Keyboard.TabToAsync(page, "button[value='preview']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'preview-heading'");
        Assert.Equal("/media/1/diagramm.png", await page.GetAttributeAsync("[data-preview-output] img[alt='Diagramm']", "src"));
        await Axe.AssertNoViolationsAsync(page);

        await Keyboard.TabToAsync(page, "button[value='save']", maxTabs: 80);
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/author/items/*");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("form[action$='/submit'] button");
        await page.WaitForSelectorAsync(".notice-success");
        var itemId = await _world.ReadAsync(db => db.ContentItems.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());
        var firstVersion = (await _world.VersionsAsync(itemId)).Single();
        Assert.Equal(VersionStatus.InReview, firstVersion.Status);

        var review = await SignedInPageAsync(reviewer);
        await review.GotoAsync(browser.BaseUrl + "/review");
        await Axe.AssertNoViolationsAsync(review);
        await review.ClickAsync($"a[href='/review/{firstVersion.Id}']");
        await review.WaitForURLAsync($"**/review/{firstVersion.Id}");
        Assert.NotNull(await review.QuerySelectorAsync(".rendered img[alt='Diagramm']"));
        await Axe.AssertNoViolationsAsync(review);
        await review.FillAsync("#PublishComment", "Klar und gut belegt.");
        await review.ClickAsync($"form[action='/review/{firstVersion.Id}/publish'] button");
        await review.WaitForURLAsync($"**/author/items/{itemId}");

        var published = await _world.VersionAsync(firstVersion.Id);
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.Equal(firstVersion.Id, published.Item!.PublishedVersionId);
        Assert.Contains("<img src=\"/media/1/diagramm.png\" alt=\"Diagramm\"", published.BodyHtml);

        // Once its course is published too, a learner finds the lesson through the catalog's search and sees it on the course page.
        Assert.True((await _world.SubmitAsync(author, course.Id)).Succeeded);
        Assert.True((await _world.PublishAsync(reviewer, course.Id)).Succeeded);
        var learner = await browser.NewPageAsync();
        await learner.GotoAsync(browser.BaseUrl + "/search?q=Diagramme+lesen");
        await Axe.AssertNoViolationsAsync(learner);
        var courseLink = await learner.GetAttributeAsync("main a:has-text('Diagramme lesen')", "href");
        Assert.StartsWith("/courses/", courseLink);
        await learner.GotoAsync(browser.BaseUrl + courseLink);
        Assert.Contains("Titel Der Kurs", await learner.InnerTextAsync("main h1"));
        await Axe.AssertNoViolationsAsync(learner);

        // A second draft: the review page now shows what changed against the published text, and so does the diff page.
        await page.GotoAsync(browser.BaseUrl + $"/author/items/{itemId}/edit");
        await page.FillAsync("#Body", "# Diagramm\n\n![Diagramm](/media/1/diagramm.png)\n\nEin neuer Absatz.");
        await page.ClickAsync("button[value='save']");
        await page.WaitForURLAsync($"**/author/items/{itemId}");
        await page.ClickAsync("form[action$='/submit'] button");
        await page.WaitForSelectorAsync(".notice-success");
        var second = (await _world.VersionsAsync(itemId)).Last();

        await review.GotoAsync(browser.BaseUrl + $"/review/{second.Id}");
        Assert.True(await review.Locator("table.diff tr.diff-added").CountAsync() > 0);
        await Axe.AssertNoViolationsAsync(review);
        await page.GotoAsync(browser.BaseUrl + $"/author/items/{itemId}/diff?from=1&to=2");
        Assert.True(await page.Locator("table.diff tr.diff-removed").CountAsync() > 0);
        await Axe.AssertNoViolationsAsync(page);
    }

    private async Task WriteLessonByKeyboardAsync(IPage page, string slug, int courseId)
    {
        await Keyboard.TabToAsync(page, "#Slug");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.TypeAsync(slug);
        await Keyboard.TabToAsync(page, "#CourseId");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(courseId.ToString(), await page.InputValueAsync("#CourseId"));
        await Keyboard.TabToAsync(page, "#Title");
        await page.Keyboard.TypeAsync("Diagramme lesen");
        await Keyboard.TabToAsync(page, "#FileName");
        await page.Keyboard.TypeAsync("01-diagramme-lesen");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("15");
        await Keyboard.TabToAsync(page, "#Body");
        await page.Keyboard.TypeAsync("# Diagramm\n\n![Diagramm](/media/1/diagramm.png)\n\n> [!TIP]\n> Lesen Sie zuerst die Achsen.");
    }

    private async Task<IPage> SignedInPageAsync(ApplicationUser user)
    {
        var page = await browser.NewPageAsync();
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, user);
        return page;
    }
}
