using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Authoring;

[Collection(SiteCollection.Name)]
public sealed class AuthoringAccessTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    public static TheoryData<string> AuthoringUrls => new() { "/author", "/author/new/lesson", "/review", "/admin/units" };

    [Theory, MemberData(nameof(AuthoringUrls))]
    public async Task Learner_gets_403(string url)
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Learner));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).Status);
    }

    [Theory, MemberData(nameof(AuthoringUrls))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string url)
    {
        using var client = SiteClient.For(site);
        var (status, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/account/login", client.LastResponse!.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Reviewer_of_unit_a_gets_404_for_every_page_of_unit_bs_item_and_does_not_see_it_listed()
    {
        var (unitA, unitB) = (await _world.UnitAsync("A"), await _world.UnitAsync("B"));
        var authorB = await _world.MemberAsync(unitB, Roles.Author);
        var reviewerA = await _world.MemberAsync(unitA, Roles.Reviewer);
        var draft = await _world.DraftAsync(authorB, unitB, "Geheim in B");
        await _world.SubmitAsync(authorB, draft.Id);
        using var client = await TestAccounts.SignedInAsync(site, reviewerA);

        foreach (var url in new[]
                 {
                     $"/author/items/{draft.ContentItemId}", $"/author/versions/{draft.Id}", $"/author/items/{draft.ContentItemId}/diff?from=1&to=1",
                     $"/author/items/{draft.ContentItemId}/edit", $"/review/{draft.Id}",
                 })
            Assert.True((await client.GetAsync(url)).Status == HttpStatusCode.NotFound, url);
        foreach (var action in new[] { $"/review/{draft.Id}/publish", $"/author/items/{draft.ContentItemId}/archive", $"/author/versions/{draft.Id}/restore" })
            Assert.True((await client.PostFromPageAsync("/author", action)).StatusCode == HttpStatusCode.NotFound, action);

        var (_, dashboard) = await client.GetAsync("/author");
        var (_, queue) = await client.GetAsync("/review");
        Assert.DoesNotContain("Geheim in B", dashboard.Body!.TextContent);
        Assert.DoesNotContain("Geheim in B", queue.Body!.TextContent);
    }

    [Fact]
    public async Task An_author_sees_the_items_of_the_unit_but_edits_only_their_own()
    {
        var unit = await _world.UnitAsync();
        var owner = await _world.MemberAsync(unit, Roles.Author);
        var colleague = await _world.MemberAsync(unit, Roles.Author);
        var draft = await _world.DraftAsync(owner, unit, "Von der Kollegin");
        using var client = await TestAccounts.SignedInAsync(site, colleague);

        var (status, item) = await client.GetAsync($"/author/items/{draft.ContentItemId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(item.QuerySelector($"a[href='/author/items/{draft.ContentItemId}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/author/items/{draft.ContentItemId}/edit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFromPageAsync("/author", $"/author/versions/{draft.Id}/submit")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_lists_the_units_items_filtered_by_kind_and_status_with_new_links()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var submitted = await _world.DraftAsync(author, unit, "Eingereicht");
        await _world.SubmitAsync(author, submitted.Id);
        await _world.DraftAsync(author, unit, "Nur Entwurf");
        await _world.DraftAsync(author, unit, "Ein Kurs", IQLearning.Web.Features.Content.Model.ContentKind.Course);
        using var client = await TestAccounts.SignedInAsync(site, author);

        var (_, all) = await client.GetAsync("/author");
        var (_, inReview) = await client.GetAsync("/author?status=InReview");
        var (_, courses) = await client.GetAsync("/author?kind=Course");

        Assert.Equal(3, all.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Titel Eingereicht"], inReview.QuerySelectorAll("tbody tr a").Select(a => a.TextContent));
        Assert.Equal(["Titel Ein Kurs"], courses.QuerySelectorAll("tbody tr a").Select(a => a.TextContent));
        Assert.NotNull(all.QuerySelector("a[href='/author/new/lesson']"));
        // Pages (imprint, privacy …) are content too, but only administrators write them.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/author/new/page")).Status);
    }

    [Fact]
    public async Task An_author_without_a_unit_may_not_create_anything()
    {
        var loner = await _world.MemberAsync(null, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, loner);

        var (_, dashboard) = await client.GetAsync("/author");

        Assert.Null(dashboard.QuerySelector("a[href^='/author/new/']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/author/new/lesson")).Status);
    }
}
