using IQLearning.Tests.Features.Media;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class MediaLibraryTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [BrowserFact]
    public async Task An_author_uploads_an_image_by_keyboard_and_the_library_has_no_wcag_violations()
    {
        var page = await AuthorPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/author/media");
        await Axe.AssertNoViolationsAsync(page);

        await Keyboard.TabToAsync(page, "#File");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "Ablauf.png", MimeType = "image/png", Buffer = MediaUpload.Unique(MediaSamples.Png) });
        await Keyboard.TabToAsync(page, "#AltText");
        await page.Keyboard.TypeAsync("Ablauf der Anerkennung");
        await Keyboard.TabToAsync(page, "form[action='/author/media/upload'] button[type=submit]");
        Assert.StartsWith("solid", await Keyboard.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/author/media?uploaded=*");

        Assert.Contains("Ablauf.png", await page.InnerTextAsync("[role=status].notice-success"));
        Assert.Equal("", await page.GetAttributeAsync("tbody img", "alt"));
        // The thumbnail is served by the app itself; wait for it rather than racing the image load.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('tbody img'); return i.complete && i.naturalWidth === 1; }",
            null, new() { Timeout = 15_000 });
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("tbody a");
        await page.WaitForURLAsync("**/author/media/*");
        Assert.Equal("Ablauf der Anerkennung", await page.GetAttributeAsync("main img", "alt"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [BrowserFact]
    public async Task A_refused_upload_shows_an_accessible_error_at_the_field()
    {
        var page = await AuthorPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/author/media");
        await page.SetInputFilesAsync("#File", new FilePayload { Name = "foto.png", MimeType = "image/png", Buffer = MediaUpload.Unique(MediaSamples.Png) });
        await page.ClickAsync("form[action='/author/media/upload'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
        Assert.Equal("true", await page.GetAttributeAsync("#AltText", "aria-invalid"));
        await Axe.AssertNoViolationsAsync(page);
    }

    private async Task<IPage> AuthorPageAsync()
    {
        var author = await TestAccounts.CreateAsync(browser.Site, Roles.Author);
        using (var scope = browser.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = new SpecialistUnit { Slug = "unit-" + Guid.NewGuid().ToString("N")[..8], Name = "Fachstelle Einwanderung" };
            db.SpecialistUnits.Add(unit);
            await db.SaveChangesAsync();
            db.UnitMemberships.Add(new UnitMembership { UnitId = unit.Id, UserId = author.Id });
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync();
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, author);
        return page;
    }
}
