using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>The browser site with the shipped curriculum, so that there are courses to assign.</summary>
public sealed class ManagerBrowserSite : IAsyncLifetime
{
    private readonly BrowserSite _browser = new();

    public SiteFactory Site => _browser.Site;
    public string BaseUrl => _browser.BaseUrl;

    public ManagerBrowserSite() => _browser.Site.WithSetting("Content:SeedDirectory", SiteFactory.ShippedContent);

    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();
    public Task<IPage> NewPageAsync(string language = "de") => _browser.NewPageAsync(language);
}

[Collection(SiteCollection.Name)]
public sealed class ManagerDashboardTests(ManagerBrowserSite browser) : IClassFixture<ManagerBrowserSite>
{
    [BrowserTheory, InlineData("de"), InlineData("en")]
    public async Task A_manager_invites_assigns_sees_the_dashboard_with_its_charts_and_exports(string language)
    {
        var (org, manager) = await OrganizationAsync();
        var invitee = TestAccounts.Unique("invitee");
        var page = await browser.NewPageAsync(language);
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, manager); // managers sign in with their second factor

        await page.GotoAsync($"{browser.BaseUrl}/organizations/{org}/members");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Invitation_Email", invitee);
        await page.SelectOptionAsync("#Invitation_Role", "Member");
        await page.ClickAsync("form[action$='/invitations'] button[type=submit]");
        await page.WaitForSelectorAsync(".notice-success");
        Assert.Contains("/invitations/", (await Mailbox.WaitForAsync(browser.Site.Smtp!, invitee)).TextBody);

        await page.GotoAsync($"{browser.BaseUrl}/organizations/{org}/assignments");
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("#Form_CourseItemId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Form_DueDate", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await page.FillAsync("#Form_RecurrenceMonths", "24");
        await page.ClickAsync("form[method=post][action$='/assignments'] button[type=submit]");
        await page.WaitForSelectorAsync(".notice-success");
        Assert.Contains("3", await page.InnerTextAsync(".notice-success")); // manager and two members

        await page.GotoAsync($"{browser.BaseUrl}/organizations/{org}");
        Assert.Equal(2, await page.Locator("svg[role=img] title").CountAsync());
        Assert.Equal(2, await page.Locator("table.chart-data").CountAsync());
        Assert.Contains("Greta Grün", await page.InnerTextAsync("table.member-matrix"));
        await Axe.AssertNoViolationsAsync(page);

        await page.CheckAsync("#filter-overdue");
        await page.ClickAsync("form.org-filters button[type=submit]");
        await page.WaitForURLAsync("**overdue=true**");
        await Axe.AssertNoViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"a[href^='/organizations/{org}/export.csv']"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"a[href^='/organizations/{org}/export.xlsx']"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
    }

    private async Task<(int Org, ApplicationUser Manager)> OrganizationAsync()
    {
        var manager = await TestAccounts.CreateAsync(browser.Site, Roles.Manager);
        var members = new[] { await TestAccounts.CreateAsync(browser.Site), await TestAccounts.CreateAsync(browser.Site) };
        using var scope = browser.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var organization = new Organization { Name = "Stadtverwaltung Beispielstadt " + Guid.NewGuid().ToString()[..4], Kind = OrganizationKind.Administration, CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var add = scope.ServiceProvider.GetRequiredService<AddMember>();
        await add.AddAsync(organization.Id, (await users.FindByIdAsync(manager.Id))!, MemberRole.Manager, CancellationToken.None);
        foreach (var (member, name) in members.Zip(["Greta Grün", "Hakan Yılmaz"]))
        {
            var account = (await users.FindByIdAsync(member.Id))!;
            account.DisplayName = name;
            await users.UpdateAsync(account);
            await add.AddAsync(organization.Id, account, MemberRole.Member, CancellationToken.None);
        }
        await db.SaveChangesAsync();
        Assert.True(await db.ContentItems.AnyAsync(c => c.Kind == ContentKind.Course && c.PublishedVersionId != null));
        return (organization.Id, manager);
    }
}
