using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Media;

/// <summary>GET /media/{id}/{name}: public, the stored bytes, and headers that keep a file from ever acting as a page.</summary>
[Collection(SiteCollection.Name)]
public sealed class MediaDeliveryTests(MediaSite site) : IClassFixture<MediaSite>
{
    [Fact]
    public async Task An_image_is_served_inline_to_anyone_with_nosniff_sandbox_and_its_hash_as_etag()
    {
        var png = MediaUpload.Unique(MediaSamples.Png);
        var (id, sha256) = await UploadAsync("schaubild.png", png, "Schaubild");
        using var anonymous = SiteClient.For(site);

        var response = await anonymous.Http.GetAsync($"/media/{id}/schaubild.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("schaubild.png", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["default-src 'none'; sandbox"], response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal($"\"{sha256}\"", response.Headers.ETag!.Tag);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);
    }

    [Fact]
    public async Task A_document_is_served_as_a_download()
    {
        var pdf = MediaUpload.Unique(MediaSamples.Pdf);
        var (id, _) = await UploadAsync("Leitfaden für Arbeitgeber.pdf", pdf);
        using var anonymous = SiteClient.For(site);

        var response = await anonymous.Http.GetAsync($"/media/{id}/{Uri.EscapeDataString("Leitfaden für Arbeitgeber.pdf")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Leitfaden für Arbeitgeber.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(["default-src 'none'; sandbox"], response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_wrong_name_or_unknown_id_is_404()
    {
        var (id, _) = await UploadAsync("richtig.png", MediaUpload.Unique(MediaSamples.Png), "Bild");
        using var anonymous = SiteClient.For(site);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/media/{id}/falsch.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/media/{id}/RICHTIG.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/media/{id + 100000}/richtig.png")).StatusCode);
    }

    [Fact]
    public async Task A_cached_copy_is_confirmed_with_304()
    {
        var (id, sha256) = await UploadAsync("cache.png", MediaUpload.Unique(MediaSamples.Png), "Bild");
        using var anonymous = SiteClient.For(site);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}/cache.png");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha256}\""));

        var response = await anonymous.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    private async Task<(int Id, string Sha256)> UploadAsync(string name, byte[] content, string? altText = null)
    {
        var author = await TestAccounts.CreateAsync(site, Roles.Author);
        var unitId = await site.UnitAsync(author.Id);
        using var client = await TestAccounts.SignedInAsync(site, author);
        var response = await MediaUpload.PostAsync(client, unitId, name, content, altText);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return (site.Query(db => db.MediaFiles.Single(m => m.Sha256 == sha256).Id), sha256);
    }
}
