using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

/// <summary>
/// The whole XSS corpus, published as one material through the real workflow, opened in Chromium: no payload may run.
/// Script is detected by trapping alert/confirm/prompt, dialogs, navigation away and requests to other origins.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class XssInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [BrowserFact]
    public async Task No_payload_of_the_xss_corpus_runs_on_a_published_page()
    {
        var slug = await PublishCorpusAsync();
        var page = await browser.NewPageAsync();
        var ran = new List<string>();
        page.Dialog += (_, dialog) => { ran.Add("dialog: " + dialog.Message); _ = dialog.DismissAsync(); };
        page.Request += (_, request) => { if (!request.Url.StartsWith(browser.BaseUrl) && !request.Url.StartsWith("data:")) ran.Add("request: " + request.Url); };
        await page.AddInitScriptAsync("""
            window.__ran = [];
            for (const name of ['alert', 'confirm', 'prompt']) window[name] = (m) => { window.__ran.push(name + ':' + m); };
            """);

        var response = await page.GotoAsync($"{browser.BaseUrl}/materials/{slug}");
        Assert.Equal(200, response!.Status);
        // Give timers, lazy images and event handlers a moment; then hover and focus everything that could carry a handler.
        foreach (var element in await page.QuerySelectorAllAsync("main *"))
        {
            try { await element.HoverAsync(new() { Timeout = 200, Force = true }); } catch (PlaywrightException) { }
        }
        await page.WaitForTimeoutAsync(1000);

        ran.AddRange(await page.EvaluateAsync<string[]>("() => window.__ran"));
        Assert.Empty(ran);
        Assert.StartsWith($"{browser.BaseUrl}/materials/{slug}", page.Url);
        Assert.Equal(0, await page.Locator("main script, main iframe, main object, main embed").CountAsync());
    }

    private async Task<string> PublishCorpusAsync()
    {
        var corpus = File.ReadAllLines(Path.Combine(SiteFactory.RepositoryRoot(), "tests", "IQLearning.Tests", "Features", "Content", "xss-corpus.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("%%")).Select(l => l.Replace("\\n", "\n"));
        var body = string.Join("\n\n", corpus);
        var slug = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var author = await TestAccounts.CreateAsync(browser.Site, Roles.Author);
        var reviewer = await TestAccounts.CreateAsync(browser.Site, Roles.Reviewer);
        using var scope = browser.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = new SpecialistUnit { Slug = slug, Name = "XSS-Prüfstelle" };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        var workflow = scope.ServiceProvider.GetRequiredService<ContentWorkflow>();
        var authorActor = new ContentActor(author.Id, new HashSet<string> { Roles.Author }, new HashSet<int> { unit.Id });
        var reviewerActor = new ContentActor(reviewer.Id, new HashSet<string> { Roles.Reviewer }, new HashSet<int> { unit.Id });
        var metadata = ContentMetadata.Serialize(new MaterialMetadata(["hr"], ["xss"], []));
        var draft = await workflow.CreateAsync(authorActor, ContentKind.Material, unit.Id, slug, "de", null,
            new DraftEdit("XSS-Korpus", "Alle Angriffe auf einer Seite", body, metadata));
        Assert.True(draft.Succeeded, string.Join("; ", draft.Problems ?? []));
        Assert.True((await workflow.SubmitAsync(authorActor, draft.Version!.Id)).Succeeded);
        Assert.True((await workflow.ApproveAsync(reviewerActor, draft.Version.Id, null)).Succeeded);
        return slug;
    }
}
