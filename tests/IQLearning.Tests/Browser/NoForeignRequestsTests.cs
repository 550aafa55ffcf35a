using IQLearning.Tests.Features.Privacy;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>
/// No page makes the browser ask another server for anything (no CDN, fonts, analytics): the privacy notice promises
/// it, and § 25 TDDDG and Schrems II make it matter. Every request the page makes is recorded, not just the HTML.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class NoForeignRequestsTests(QuizBrowserSite browser) : IClassFixture<QuizBrowserSite>
{
    private static readonly string[] PublicPages =
    [
        "/", "/courses", "/courses/interkulturelle-kompetenz-personalmanagement", "/materials", "/materials/gespraechsleitfaden-arbeitgeberwuensche",
        "/standards", "/search?q=agg", "/account/login", "/account/register", "/datenschutz", "/impressum", "/barrierefreiheit", "/no-such-page",
    ];

    private static readonly string[] LearnerPages =
        ["/account/profile", "/account/privacy", "/account/privacy/export", "/account/privacy/delete", "/self-assessment", "/self-assessment/interkulturelle-kompetenz"];

    private static readonly string[] AdminPages = ["/admin", "/admin/users", "/admin/mail", "/admin/audit", "/admin/jobs", "/author", "/author/media", "/review"];

    [BrowserFact]
    public async Task Public_learner_and_admin_pages_request_nothing_from_another_origin()
    {
        var learner = await LearnerRecords.SeedAsync(browser.Site);
        var admin = await TestAccounts.CreateAsync(browser.Site, Roles.Administrator);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(browser.Site.Services))
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>(scope.ServiceProvider);
            await users.AddToRolesAsync((await users.FindByIdAsync(admin.Id))!, [Roles.Author, Roles.Reviewer]);
        }
        var quiz = await browser.ItemAsync(IQLearning.Web.Features.Content.Model.ContentKind.Assessment, "interkulturelle-kompetenz-personalmanagement/abschlusstest.gift");

        var visits = new List<(IPage Page, string[] Urls)>
        {
            (await browser.Browser.NewPageAsync(), PublicPages),
            (await SignedInAsync(learner.User), [.. LearnerPages, $"/quiz/{quiz.Id}"]),
            (await SignedInAsync(admin), AdminPages),
        };

        var origin = new Uri(browser.BaseUrl).GetLeftPart(UriPartial.Authority);
        var foreign = new List<string>();
        var visited = 0;
        foreach (var (page, urls) in visits)
        {
            string current = "";
            page.Request += (_, request) =>
            {
                if (request.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !request.Url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
                    foreign.Add($"{current} → {request.Url}");
            };
            foreach (var url in urls)
            {
                current = url;
                var response = await page.GotoAsync(browser.BaseUrl + url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(url == "/no-such-page" || response!.Status == 200, $"{url}: {response!.Status}");
                visited++;
            }
        }

        Assert.Empty(foreign);
        Assert.Equal(PublicPages.Length + LearnerPages.Length + 1 + AdminPages.Length, visited);
    }

    private async Task<IPage> SignedInAsync(ApplicationUser user)
    {
        var page = await browser.Browser.NewPageAsync();
        await TestAccounts.SignInAsync(page, browser.Site, browser.BaseUrl, user);
        return page;
    }
}
