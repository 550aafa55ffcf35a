using AngleSharp.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Catalog;

[Collection(SiteCollection.Name)]
public sealed class CatalogSearchTests(CatalogSite site) : IClassFixture<CatalogSite>
{
    private static readonly ContentKind[] Searched = [ContentKind.Course, ContentKind.Lesson, ContentKind.Material, ContentKind.Standard];

    [Theory, InlineData("kopftuch arbeitgeber"), InlineData("AGG Beschwerde"), InlineData("anerkennung")]
    public async Task Search_finds_exactly_the_published_content_containing_every_term_grouped_by_kind(string query)
    {
        var terms = query.ToLowerInvariant().Split(' ');
        var expected = new Dictionary<ContentKind, int>();
        foreach (var kind in Searched)
            expected[kind] = (await site.PublishedAsync(kind)).Count(e => terms.All(t => e.Version.SearchText.Contains(t)));
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        foreach (var kind in Searched)
        {
            var group = page.QuerySelector($".catalog-search-group[data-kind={kind}]");
            Assert.Equal(expected[kind], group?.QuerySelectorAll(".catalog-hits > li").Length ?? 0);
            if (group is not null) Assert.Contains($"{expected[kind]}", group.QuerySelector("h2 .badge")!.TextContent);
        }
        Assert.Contains($"{expected.Values.Sum()} Treffer", page.QuerySelector("main [role=status]")!.TextContent);
    }

    [Fact]
    public async Task All_terms_must_match_not_just_one()
    {
        using var client = SiteClient.For(site);

        var one = Total((await client.GetAsync("/search?q=kopftuch")).Page);
        var other = Total((await client.GetAsync("/search?q=onboarding")).Page);
        var both = Total((await client.GetAsync("/search?q=kopftuch+onboarding")).Page);

        Assert.True(one > 0 && other > 0);
        Assert.True(both < Math.Min(one, other), $"kopftuch {one}, onboarding {other}, both {both}");
    }

    [Fact]
    public async Task A_lesson_leads_to_the_page_of_its_course()
    {
        var lessons = await site.PublishedAsync(ContentKind.Lesson);
        var courses = (await site.PublishedAsync(ContentKind.Course)).ToDictionary(c => c.ItemId, c => c.Slug);
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/search?q=intersektionalit%C3%A4t");

        var hits = page.QuerySelectorAll(".catalog-search-group[data-kind=Lesson] .catalog-hits > li a").ToList();
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var lesson = lessons.Single(l => l.Version.Title == hit.TextContent);
            Assert.Equal("/courses/" + courses[lesson.ParentId!.Value], hit.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Drafts_unpublished_items_and_archived_items_are_never_found()
    {
        // Control: a published item with a unique word is found, so the negative assertions below are not vacuous.
        var published = await site.AddItemAsync(ContentKind.Material, "catalog-search-published", "Wombatfreigabe", "Veröffentlichter Text wombatfreigabe.", VersionStatus.Published,
            metadataJson: """{"audiences":["hr"],"topics":[],"attachments":[]}""");
        await site.WithDbAsync(async db =>
        {
            db.ContentVersions.Add(CatalogSite.NewVersion(published.Id, 2, VersionStatus.Draft, "Quokkaentwurf", "Entwurf quokkaentwurf.", "{}"));
            var course = await db.ContentItems.SingleAsync(i => i.Kind == ContentKind.Course && i.Slug == "interkulturelle-kompetenz-personalmanagement");
            db.ContentVersions.Add(CatalogSite.NewVersion(course.Id, 99, VersionStatus.InReview, "Quokkaentwurf im Kurs", "quokkaentwurf", "{}"));
            await db.SaveChangesAsync();
        });
        await site.AddItemAsync(ContentKind.Standard, "catalog-search-draft", "Quokkaentwurf Standard", "quokkaentwurf", VersionStatus.Draft);
        var archived = await site.AddItemAsync(ContentKind.Material, "catalog-search-archived", "Quokkaentwurf archiviert", "quokkaentwurf", VersionStatus.Published,
            metadataJson: """{"audiences":["hr"],"topics":[],"attachments":[]}""");
        await site.WithDbAsync(db => db.ContentItems.Where(i => i.Id == archived.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Archived, true)));
        using var client = SiteClient.For(site);

        Assert.Equal(1, Total((await client.GetAsync("/search?q=wombatfreigabe")).Page));
        var (_, page) = await client.GetAsync("/search?q=quokkaentwurf");

        Assert.Equal(0, Total(page));
        Assert.Contains("Keine Treffer für „quokkaentwurf“", page.QuerySelector("main .notice")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/materials/catalog-search-archived")).Status);
    }

    [Fact]
    public async Task A_lesson_of_an_archived_course_is_not_found()
    {
        var metadata = ContentMetadata.Serialize(new CourseMetadata(["hr"], [], 5, ["Ziel"], [], 70, 0, null, [],
            [new CourseModule("Modul", ["catalog-search-orphan-lesson"])]));
        var course = await site.AddItemAsync(ContentKind.Course, "catalog-search-archived-course", "Archivierter Kurs", "Kurs", VersionStatus.Published,
            metadataJson: metadata);
        await site.AddItemAsync(ContentKind.Lesson, "catalog-search-orphan-lesson", "Numbatlektion", "numbatlektion", VersionStatus.Published,
            metadataJson: """{"fileName":"01-x","durationMinutes":5,"required":true}""", parentId: course.Id);
        using var client = SiteClient.For(site);
        Assert.Equal(1, Total((await client.GetAsync("/search?q=numbatlektion")).Page));

        await site.WithDbAsync(db => db.ContentItems.Where(i => i.Id == course.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Archived, true)));

        Assert.Equal(0, Total((await client.GetAsync("/search?q=numbatlektion")).Page));
    }

    [Theory, InlineData("de", "Geben Sie einen oder mehrere Suchbegriffe ein"), InlineData("en", "Enter one or more search terms")]
    public async Task An_empty_query_asks_for_terms(string language, string message)
    {
        using var client = SiteClient.For(site, language);

        var (_, page) = await client.GetAsync("/search?q=+++");

        Assert.Contains(message, page.QuerySelector("main .notice")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".catalog-search-group"));
        Assert.NotNull(page.QuerySelector("form[action='/search'] input[name=q]"));
    }

    [Theory, InlineData("/courses"), InlineData("/materials"), InlineData("/standards")]
    public async Task Every_library_page_has_the_search_box(string url)
    {
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync(url);

        Assert.NotNull(page.QuerySelector("form[role=search][action='/search'][method=get] input[type=search][name=q]"));
    }

    private static int Total(IParentNode page) => page.QuerySelectorAll(".catalog-hits > li").Length;
}
