using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.SitePages;

/// <summary>The legal pages are Page items of the CMS once an administrator publishes one; until then the shipped texts.</summary>
[Collection(SiteCollection.Name)]
public sealed class CmsPageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_published_imprint_page_replaces_the_shipped_text_and_english_falls_back_to_german()
    {
        using (var before = SiteClient.For(site))
            Assert.Equal("Impressum", (await before.GetAsync("/impressum")).Page.QuerySelector("h1")!.TextContent.Trim());

        await PublishPageAsync("impressum", "Impressum der Landesstelle", "Verantwortlich: **Landesstelle Musterland**.");

        using var german = SiteClient.For(site, "de");
        var (status, page) = await german.GetAsync("/impressum");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Impressum der Landesstelle", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Landesstelle Musterland", page.QuerySelector("main strong")!.TextContent);

        using var english = SiteClient.For(site, "en");
        var (_, fallback) = await english.GetAsync("/impressum");
        Assert.Equal("Impressum der Landesstelle", fallback.QuerySelector("h1")!.TextContent);
        Assert.Equal("de", fallback.QuerySelector("main div[lang]")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Other_pages_are_served_under_pages_and_drafts_are_not()
    {
        var draftOnly = "hinweise-" + Guid.NewGuid().ToString("N")[..6];
        await PublishPageAsync("kontakt-" + draftOnly, "Kontakt", "Schreiben Sie uns.");
        await PublishPageAsync(draftOnly, "Entwurf", "Noch nicht fertig.", publish: false);

        using var client = SiteClient.For(site);
        Assert.Equal("Kontakt", (await client.GetAsync($"/pages/kontakt-{draftOnly}")).Page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/pages/{draftOnly}")).Status);
    }

    private async Task PublishPageAsync(string slug, string title, string body, bool publish = true)
    {
        var writer = await TestAccounts.CreateAsync(site, Roles.Administrator);
        var reviewer = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = new SpecialistUnit { Slug = "redaktion-" + Guid.NewGuid().ToString("N")[..6], Name = "Redaktion" };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        var workflow = scope.ServiceProvider.GetRequiredService<ContentWorkflow>();
        var admin = new ContentActor(writer.Id, new HashSet<string> { Roles.Administrator }, new HashSet<int>());
        var other = new ContentActor(reviewer.Id, new HashSet<string> { Roles.Administrator }, new HashSet<int>());
        var draft = await workflow.CreateAsync(admin, ContentKind.Page, unit.Id, slug, "de", null, new DraftEdit(title, "", body, "{}"));
        Assert.True(draft.Succeeded);
        if (!publish) return;
        Assert.True((await workflow.SubmitAsync(admin, draft.Version!.Id)).Succeeded);
        Assert.True((await workflow.ApproveAsync(other, draft.Version.Id, null)).Succeeded);
    }
}
