using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class NotificationSettingsPageTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [BrowserTheory, InlineData("de"), InlineData("en")]
    public async Task A_manager_turns_off_the_weekly_digest_by_keyboard_on_an_accessible_page(string language)
    {
        var manager = await TestAccounts.CreateAsync(browser.Site, Roles.Manager);
        var page = await browser.NewPageAsync(language);
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, manager);

        await page.GotoAsync(browser.BaseUrl + "/account/notifications");
        Assert.Equal(language == "de" ? "Benachrichtigungen" : "Notifications", await page.InnerTextAsync("h1"));
        await Axe.AssertNoViolationsAsync(page);
        await Keyboard.TabToAsync(page, "#Form_ManagerDigest");
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".notice-success");
        await Axe.AssertNoViolationsAsync(page);

        Assert.False(await page.IsCheckedAsync("#Form_ManagerDigest"));
        Assert.True(await page.IsCheckedAsync("#Form_OptionalEscalations"));
        using var scope = browser.Site.Services.CreateScope();
        var settings = await scope.ServiceProvider.GetRequiredService<AppDbContext>().NotificationSettings.SingleAsync(s => s.UserId == manager.Id);
        Assert.False(settings.ManagerDigest);
        Assert.True(settings.OptionalAssignmentReminders);
    }
}
