using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;

namespace IQLearning.Tests.Features.Authoring;

[Collection(SiteCollection.Name)]
public sealed class ItemPageTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task The_item_page_lists_versions_and_the_audit_trail()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var first = await _world.DraftAsync(author, unit, "Eins");
        await _world.SubmitAsync(author, first.Id);
        using var client = await TestAccounts.SignedInAsync(site, author);

        var (_, page) = await client.GetAsync($"/author/items/{first.ContentItemId}");

        Assert.Contains("Titel Eins", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("01-einfuehrung", page.QuerySelector("dl.facts")!.TextContent);
        var audit = page.QuerySelectorAll("table").Last().QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.Equal(["zur Prüfung eingereicht", "angelegt"], audit);
        Assert.All(page.QuerySelectorAll("table").Last().QuerySelectorAll("tbody tr"), r => Assert.Equal("Test Author", r.Children[1].TextContent));
    }

    [Fact]
    public async Task Restoring_an_old_version_creates_a_new_draft_with_its_text()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var first = await _world.DraftAsync(author, unit, "Erste Fassung");
        await _world.NextDraftAsync(author, first.ContentItemId, "Zweite Fassung");
        using var client = await TestAccounts.SignedInAsync(site, author);

        var response = await client.SubmitAsync($"/author/items/{first.ContentItemId}", $"/author/versions/{first.Id}/restore", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await _world.VersionsAsync(first.ContentItemId);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal((VersionStatus.Draft, "Erste Fassung"), (versions[2].Status, versions[2].Body));
        var (_, page) = await client.GetAsync($"/author/items/{first.ContentItemId}");
        Assert.Contains("aus Fassung 1 wiederhergestellt", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_diff_page_marks_removed_and_added_lines_with_signs_and_numbers()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var first = await _world.DraftAsync(author, unit, "A\nB\nC");
        await _world.NextDraftAsync(author, first.ContentItemId, "A\nX\nC\nD");
        using var client = await TestAccounts.SignedInAsync(site, author);

        var (status, page) = await client.GetAsync($"/author/items/{first.ContentItemId}/diff?from=1&to=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fassung 1", page.QuerySelector("table.diff caption")!.TextContent);
        var rows = page.QuerySelectorAll("table.diff tbody tr")
            .Select(r => string.Join("|", r.QuerySelector(".diff-marker [aria-hidden]")!.TextContent, r.Children[0].TextContent, r.Children[1].TextContent,
                r.QuerySelector(".diff-text")!.TextContent, r.QuerySelector(".diff-marker .visually-hidden")!.TextContent))
            .ToList();
        Assert.Equal([" |1|1|A|unverändert", "−|2||B|entfernt", "+||2|X|hinzugefügt", " |3|3|C|unverändert", "+||4|D|hinzugefügt"], rows);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/author/items/{first.ContentItemId}/diff?from=1&to=9")).Status);
    }

    [Fact]
    public async Task A_version_page_shows_the_rendered_html_and_its_status()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var draft = await _world.DraftAsync(author, unit, "Ein **wichtiger** Satz.");
        using var client = await TestAccounts.SignedInAsync(site, author);

        var (_, page) = await client.GetAsync($"/author/versions/{draft.Id}");

        Assert.Equal("wichtiger", page.QuerySelector(".rendered[lang=de] strong")!.TextContent);
        Assert.Equal("Entwurf", page.QuerySelector("dl.facts .badge")!.TextContent);
    }

    [Fact]
    public async Task A_reviewer_archives_a_published_item_and_an_author_is_not_offered_to()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var draft = await _world.DraftAsync(author, unit);
        using var authorClient = await TestAccounts.SignedInAsync(site, author);
        using var reviewerClient = await TestAccounts.SignedInAsync(site, reviewer);

        var (_, authorView) = await authorClient.GetAsync($"/author/items/{draft.ContentItemId}");
        Assert.Null(authorView.QuerySelector($"form[action='/author/items/{draft.ContentItemId}/archive']"));

        var response = await reviewerClient.SubmitAsync($"/author/items/{draft.ContentItemId}", $"/author/items/{draft.ContentItemId}/archive", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await _world.VersionAsync(draft.Id)).Item!.Archived);
    }
}
