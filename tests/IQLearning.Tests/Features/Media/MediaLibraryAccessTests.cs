using System.Net;
using System.Security.Cryptography;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Media;

[Collection(SiteCollection.Name)]
public sealed class MediaLibraryAccessTests(MediaSite site) : IClassFixture<MediaSite>
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        using var client = SiteClient.For(site);

        var (status, _) = await client.GetAsync("/author/media");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/account/login?ReturnUrl=%2Fauthor%2Fmedia", client.LastResponse!.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/author/media")]
    [InlineData("/author/media/1")]
    public async Task Learner_gets_403(string url)
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Learner));

        var (status, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(page.QuerySelectorAll(".main-nav a"), a => a.GetAttribute("href") == "/author/media");
    }

    [Fact]
    public async Task Author_of_another_unit_gets_404_for_its_entries_and_cannot_upload_to_it()
    {
        var (_, ownerClient, unitB) = await AuthorAsync();
        var png = MediaUpload.Unique(MediaSamples.Png);
        var uploaded = await MediaUpload.PostAsync(ownerClient, unitB, "intern.png", png, altText: "Interne Grafik");
        var id = site.Query(db => db.MediaFiles.Single(m => m.UnitId == unitB).Id);
        var (_, otherClient, unitA) = await AuthorAsync();

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/author/media/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/author/media/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/author/media?unit={unitB}")).Status);
        var (_, ownLibrary) = await otherClient.GetAsync($"/author/media?uploaded={id}");
        Assert.DoesNotContain("intern.png", ownLibrary.Body!.TextContent);

        var intruder = MediaUpload.Unique(MediaSamples.Png);
        var response = await MediaUpload.PostAsync(otherClient, unitB, "fremd.png", intruder, altText: "Fremd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", (await SiteClient.ParseAsync(response)).GetElementById("UnitId")!.GetAttribute("aria-invalid"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(intruder));
        Assert.Empty(site.Query(db => db.MediaFiles.Where(m => m.Sha256 == sha).ToList()));
        Assert.NotEqual(unitA, unitB);
    }

    [Fact]
    public async Task Author_with_several_units_filters_the_library_by_unit()
    {
        var (author, client, first) = await AuthorAsync();
        var second = await site.UnitAsync(author.Id);
        await MediaUpload.PostAsync(client, first, "erste.pdf", MediaUpload.Unique(MediaSamples.Pdf));
        await MediaUpload.PostAsync(client, second, "zweite.pdf", MediaUpload.Unique(MediaSamples.Pdf));

        var (_, all) = await client.GetAsync("/author/media");
        var (_, filtered) = await client.GetAsync($"/author/media?unit={second}");

        Assert.NotNull(all.QuerySelector("select#unit-filter"));
        Assert.Equal(["erste.pdf", "zweite.pdf"], FileNames(all).Order());
        Assert.Equal(["zweite.pdf"], FileNames(filtered));
        Assert.Contains(filtered.QuerySelectorAll("input[readonly]"), i => i.GetAttribute("value")!.StartsWith("[zweite.pdf](/media/"));
    }

    [Fact]
    public async Task Administrator_sees_and_uploads_to_every_unit()
    {
        var (_, authorClient, unitId) = await AuthorAsync();
        await MediaUpload.PostAsync(authorClient, unitId, "fachstelle.pdf", MediaUpload.Unique(MediaSamples.Pdf));
        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var adminClient = await TestAccounts.SignedInAsync(site, admin);

        var (_, page) = await adminClient.GetAsync($"/author/media?unit={unitId}");
        var response = await MediaUpload.PostAsync(adminClient, unitId, "verwaltung.pdf", MediaUpload.Unique(MediaSamples.Pdf));

        Assert.Equal(["fachstelle.pdf"], FileNames(page));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Author_without_a_unit_is_told_so_and_sees_no_upload_form()
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Author));

        var (status, page) = await client.GetAsync("/author/media");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("form[action='/author/media/upload']"));
        Assert.Contains("keiner Fachstelle", page.QuerySelector("main")!.TextContent);
    }

    private async Task<(Web.Features.Accounts.ApplicationUser, SiteClient, int)> AuthorAsync()
    {
        var author = await TestAccounts.CreateAsync(site, Roles.Author);
        var unitId = await site.UnitAsync(author.Id);
        return (author, await TestAccounts.SignedInAsync(site, author), unitId);
    }

    private static IEnumerable<string> FileNames(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim());
}
