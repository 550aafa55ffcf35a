using System.Net;
using System.Security.Cryptography;
using System.Text;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;

namespace IQLearning.Tests.Features.Media;

[Collection(SiteCollection.Name)]
public sealed class UploadMediaTests(MediaSite site) : IClassFixture<MediaSite>
{
    [Fact]
    public async Task Author_uploads_an_image_with_alt_text_and_it_is_stored_under_its_sha256()
    {
        var (author, client, unitId) = await AuthorAsync();
        var png = MediaUpload.Unique(MediaSamples.Png);

        var response = await MediaUpload.PostAsync(client, unitId, "Diagramm Anerkennung.png", png, altText: "Ablauf der Anerkennung in drei Schritten");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(png));
        var row = Single(unitId, sha256);
        Assert.Equal("Diagramm Anerkennung.png", row.FileName);
        Assert.Equal("image/png", row.ContentType);
        Assert.Equal(png.Length, row.Length);
        Assert.Equal("Ablauf der Anerkennung in drei Schritten", row.AltText);
        Assert.Equal(author.Id, row.UploadedById);
        Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(site.MediaDirectory, sha256)));
        Assert.Equal($"/author/media?uploaded={row.Id}", response.Headers.Location!.OriginalString);

        var (pageStatus, page) = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.True(pageStatus == HttpStatusCode.OK, page.Body!.InnerHtml);
        var snippets = page.QuerySelectorAll("input[readonly]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains($"![Ablauf der Anerkennung in drei Schritten](/media/{row.Id}/Diagramm%20Anerkennung.png)", snippets);
        Assert.NotNull(page.QuerySelector($"img[src='/media/{row.Id}/Diagramm%20Anerkennung.png']"));
    }

    [Fact]
    public async Task Image_without_alt_text_is_refused_with_the_field_error_and_nothing_is_stored()
    {
        var (_, client, unitId) = await AuthorAsync();
        var png = MediaUpload.Unique(MediaSamples.Png);

        var response = await MediaUpload.PostAsync(client, unitId, "foto.png", png);

        await AssertRefusedAsync(response, "AltText", "Alternativtext");
        AssertNothingStored(png);
    }

    [Fact]
    public async Task Decorative_image_is_stored_with_an_empty_alt_text()
    {
        var (_, client, unitId) = await AuthorAsync();
        var gif = MediaUpload.Unique(MediaSamples.Gif);

        Assert.Equal(HttpStatusCode.Redirect, (await MediaUpload.PostAsync(client, unitId, "linie.gif", gif, decorative: true)).StatusCode);

        Assert.Equal("", Single(unitId, Sha(gif)).AltText);
    }

    [Fact]
    public async Task Video_without_captions_is_refused()
    {
        var (_, client, unitId) = await AuthorAsync();
        var video = MediaUpload.Unique(MediaSamples.Mp4);

        var response = await MediaUpload.PostAsync(client, unitId, "film.mp4", video);

        await AssertRefusedAsync(response, "Captions", "„film.mp4“ braucht Untertitel");
        AssertNothingStored(video);
    }

    [Fact]
    public async Task Video_with_captions_is_stored_and_linked_to_its_captions()
    {
        var (_, client, unitId) = await AuthorAsync();
        var video = MediaUpload.Unique(MediaSamples.WebM);
        var vtt = Encoding.UTF8.GetBytes($"WEBVTT\n\n00:00.000 --> 00:02.000\n{Guid.NewGuid()}\n");

        var response = await MediaUpload.PostAsync(client, unitId, "interview.webm", video, captionsName: "interview.vtt", captions: vtt);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var captions = Single(unitId, Sha(vtt));
        Assert.Equal("text/vtt", captions.ContentType);
        var row = Single(unitId, Sha(video));
        Assert.Equal("video/webm", row.ContentType);
        Assert.Equal(captions.Id, row.CaptionsId);
    }

    [Fact]
    public async Task Captions_that_are_not_webvtt_are_refused()
    {
        var (_, client, unitId) = await AuthorAsync();
        var video = MediaUpload.Unique(MediaSamples.Mp4);

        var response = await MediaUpload.PostAsync(client, unitId, "film.mp4", video, captionsName: "film.vtt", captions: Encoding.UTF8.GetBytes("1\n00:00:00,000 --> 00:00:02,000\nSRT\n"));

        await AssertRefusedAsync(response, "Captions", "„film.vtt“");
        AssertNothingStored(video);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_named()
    {
        var (_, client, unitId) = await AuthorAsync();
        var pdf = Padded(MediaSamples.Pdf, MediaSite.MaxUploadBytes + 1);

        var response = await MediaUpload.PostAsync(client, unitId, "handbuch.pdf", pdf);

        await AssertRefusedAsync(response, "File", "„handbuch.pdf“ ist zu groß: erlaubt sind höchstens 4 KB");
        AssertNothingStored(pdf);
    }

    [Fact]
    public async Task A_video_may_be_larger_than_other_files_but_not_larger_than_the_video_limit()
    {
        var (_, client, unitId) = await AuthorAsync();
        var vtt = Encoding.UTF8.GetBytes($"WEBVTT\n\n00:00.000 --> 00:02.000\n{Guid.NewGuid()}\n");
        var allowed = Padded(MediaSamples.Mp4, MediaSite.MaxVideoBytes);
        var tooLarge = Padded(MediaSamples.Mp4, MediaSite.MaxVideoBytes + 1);

        Assert.Equal(HttpStatusCode.Redirect, (await MediaUpload.PostAsync(client, unitId, "lang.mp4", allowed, captionsName: "lang.vtt", captions: vtt)).StatusCode);
        await AssertRefusedAsync(await MediaUpload.PostAsync(client, unitId, "zu-lang.mp4", tooLarge, captionsName: "lang.vtt", captions: vtt),
            "File", "„zu-lang.mp4“ ist zu groß: erlaubt sind höchstens 8 KB");
        AssertNothingStored(tooLarge);
    }

    public static TheoryData<string, byte[], string> WrongTypes => new()
    {
        { "bericht.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "hat keinen erlaubten Typ" },
        { "logo.svg", MediaSamples.SvgWithScript, "hat keinen erlaubten Typ" },
        { "brief.docm", MediaSamples.Docm, "enthält Makros" },
        { "bericht.pdf", MediaSamples.Png, "endet auf „.pdf“, ist aber eine PNG-Datei" },
        { "leer.pdf", [], "ist leer" },
    };

    [Theory, MemberData(nameof(WrongTypes))]
    public async Task A_file_of_a_wrong_type_is_refused_whatever_its_name(string fileName, byte[] content, string message)
    {
        var (_, client, unitId) = await AuthorAsync();
        var file = content.Length == 0 ? content : MediaUpload.Unique(content);

        var response = await MediaUpload.PostAsync(client, unitId, fileName, file, altText: "Beschreibung");

        await AssertRefusedAsync(response, "File", message);
        AssertNothingStored(file);
    }

    [Theory]
    [InlineData("../../x.png", "x.png")]
    [InlineData("..\\x.png", "x.png")]
    [InlineData("a/b.png", "b.png")]
    public async Task Path_parts_of_an_uploaded_name_are_dropped(string uploadedName, string storedName)
    {
        var (_, client, unitId) = await AuthorAsync();
        var png = MediaUpload.Unique(MediaSamples.Png);

        Assert.Equal(HttpStatusCode.Redirect, (await MediaUpload.PostAsync(client, unitId, uploadedName, png, altText: "Grafik")).StatusCode);

        Assert.Equal(storedName, Single(unitId, Sha(png)).FileName);
        Assert.All(Directory.GetFiles(site.MediaDirectory), f => Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(f)));
        Assert.False(File.Exists(Path.Combine(site.DataDirectory, storedName)));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(site.DataDirectory)!, storedName)));
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_in_a_unit_are_one_entry()
    {
        var (_, client, unitId) = await AuthorAsync();
        var pdf = MediaUpload.Unique(MediaSamples.Pdf);

        var first = await MediaUpload.PostAsync(client, unitId, "leitfaden.pdf", pdf);
        var second = await MediaUpload.PostAsync(client, unitId, "leitfaden-kopie.pdf", pdf);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var row = Single(unitId, Sha(pdf));
        Assert.Equal($"/author/media?uploaded={row.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal($"/author/media?uploaded={row.Id}&reused=true", second.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_before_the_file_is_read()
    {
        var (_, client, unitId) = await AuthorAsync();
        var pdf = MediaUpload.Unique(MediaSamples.Pdf);

        var response = await MediaUpload.PostAsync(client, unitId, "leitfaden.pdf", pdf, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNothingStored(pdf);
    }

    internal async Task<(ApplicationUser Author, SiteClient Client, int UnitId)> AuthorAsync(string role = Roles.Author)
    {
        var author = await TestAccounts.CreateAsync(site, role);
        var unitId = await site.UnitAsync(author.Id);
        return (author, await TestAccounts.SignedInAsync(site, author), unitId);
    }

    private MediaFile Single(int unitId, string sha256) =>
        Assert.Single(site.Query(db => db.MediaFiles.Where(m => m.UnitId == unitId && m.Sha256 == sha256).ToList()));

    private void AssertNothingStored(byte[] content)
    {
        var sha256 = Sha(content);
        Assert.Empty(site.Query(db => db.MediaFiles.Where(m => m.Sha256 == sha256).ToList()));
        Assert.False(File.Exists(Path.Combine(site.MediaDirectory, sha256)));
    }

    /// <summary>The form comes back with the message at the field: aria-invalid, the error next to it, and in the summary.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        Assert.Equal("true", page.GetElementById(field)?.GetAttribute("aria-invalid"));
        Assert.Contains(field + "-error", page.GetElementById(field)!.GetAttribute("aria-describedby"));
        Assert.Contains(message, page.GetElementById(field + "-error")!.TextContent);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent);
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Padded(byte[] start, int length) => [.. start, .. RandomNumberGenerator.GetBytes(length - start.Length)];
}
