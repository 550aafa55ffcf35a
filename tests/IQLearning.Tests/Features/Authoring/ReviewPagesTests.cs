using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Authoring;

[Collection(SiteCollection.Name)]
public sealed class ReviewPagesTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task Reviewer_finds_the_submitted_version_in_the_queue_and_publishes_it()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var draft = await _world.DraftAsync(author, unit, "Zur Veröffentlichung");
        await _world.SubmitAsync(author, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, reviewer);

        var (_, queue) = await client.GetAsync("/review");
        Assert.NotNull(queue.QuerySelector($"a[href='/review/{draft.Id}']"));

        var response = await client.SubmitAsync($"/review/{draft.Id}", $"/review/{draft.Id}/publish",
            new Dictionary<string, string> { ["PublishComment"] = "Sehr gut." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var published = await _world.VersionAsync(draft.Id);
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.Equal("Sehr gut.", published.ReviewComment);
        Assert.Equal(draft.Id, published.Item!.PublishedVersionId);
        var (_, emptyQueue) = await client.GetAsync("/review");
        Assert.Null(emptyQueue.QuerySelector($"a[href='/review/{draft.Id}']"));
    }

    [Fact]
    public async Task The_review_page_shows_the_diff_to_the_published_version()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var first = await _world.DraftAsync(author, unit, "Zeile eins\nalte Zeile");
        await _world.SubmitAsync(author, first.Id);
        using var client = await TestAccounts.SignedInAsync(site, reviewer);
        await client.SubmitAsync($"/review/{first.Id}", $"/review/{first.Id}/publish", new Dictionary<string, string>());
        var second = await _world.NextDraftAsync(author, first.ContentItemId, "Zeile eins\nneue Zeile");
        await _world.SubmitAsync(author, second.Id);

        var (_, page) = await client.GetAsync($"/review/{second.Id}");

        var rows = page.QuerySelectorAll("table.diff tbody tr").Select(r => r.QuerySelector(".diff-marker [aria-hidden]")!.TextContent + r.QuerySelector(".diff-text")!.TextContent).ToList();
        Assert.Equal([" Zeile eins", "−alte Zeile", "+neue Zeile"], rows);
        Assert.NotNull(page.QuerySelector($"form[action='/review/{second.Id}/publish']"));
    }

    [Fact]
    public async Task Nobody_publishes_their_own_draft_the_page_says_why_and_the_post_is_refused()
    {
        var unit = await _world.UnitAsync();
        var authorReviewer = await _world.MemberAsync(unit, Roles.Author, Roles.Reviewer);
        var draft = await _world.DraftAsync(authorReviewer, unit, "Eigener Entwurf");
        await _world.SubmitAsync(authorReviewer, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, authorReviewer);

        var (status, page) = await client.GetAsync($"/review/{draft.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Vier-Augen-Prinzip", page.QuerySelector("#four-eyes")!.TextContent);
        Assert.Null(page.QuerySelector($"form[action='/review/{draft.Id}/publish']"));

        var response = await client.PostFromPageAsync($"/review/{draft.Id}", $"/review/{draft.Id}/publish");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Vier-Augen-Prinzip", (await SiteClient.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(VersionStatus.InReview, (await _world.VersionAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task An_author_who_is_not_a_reviewer_cannot_reach_review_at_all()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var draft = await _world.DraftAsync(author, unit);
        await _world.SubmitAsync(author, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, author);

        var response = await client.PostFromPageAsync($"/author/items/{draft.ContentItemId}", $"/review/{draft.Id}/publish");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(VersionStatus.InReview, (await _world.VersionAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task Returning_without_a_comment_shows_the_error_at_the_comment_field_and_with_one_returns_the_draft()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var draft = await _world.DraftAsync(author, unit);
        await _world.SubmitAsync(author, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, reviewer);

        var refused = await client.SubmitAsync($"/review/{draft.Id}", $"/review/{draft.Id}/return", new Dictionary<string, string> { ["ReturnComment"] = " " });
        var page = await SiteClient.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("true", page.QuerySelector("#ReturnComment")!.GetAttribute("aria-invalid"));
        Assert.Contains("begründen", page.QuerySelector("#ReturnComment-error")!.TextContent);
        Assert.Null(page.QuerySelector("#PublishComment[aria-invalid]"));
        Assert.Equal(VersionStatus.InReview, (await _world.VersionAsync(draft.Id)).Status);

        var returned = await client.SubmitAsync($"/review/{draft.Id}", $"/review/{draft.Id}/return",
            new Dictionary<string, string> { ["ReturnComment"] = "Bitte Quelle nennen." });

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var version = await _world.VersionAsync(draft.Id);
        Assert.Equal((VersionStatus.Draft, "Bitte Quelle nennen."), (version.Status, version.ReviewComment));
    }

    [Fact]
    public async Task Publishing_a_version_twice_is_a_conflict_shown_on_the_page()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var reviewer = await _world.MemberAsync(unit, Roles.Reviewer);
        var draft = await _world.DraftAsync(author, unit);
        await _world.SubmitAsync(author, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, reviewer);
        await client.SubmitAsync($"/review/{draft.Id}", $"/review/{draft.Id}/publish", new Dictionary<string, string>());

        var again = await client.PostFromPageAsync("/review", $"/review/{draft.Id}/publish");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.NotNull((await SiteClient.ParseAsync(again)).QuerySelector(".error-summary"));
        Assert.Equal(2, await _world.ReadAsync(db => db.ContentAudit.CountAsync(a => a.ContentItemId == draft.ContentItemId && a.Action != "published")));
    }
}
