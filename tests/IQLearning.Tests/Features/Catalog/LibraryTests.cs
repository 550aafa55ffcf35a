using System.Net;
using System.Text;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Import;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Catalog;

/// <summary>The materials and quality standards libraries.</summary>
[Collection(SiteCollection.Name)]
public sealed class LibraryTests(CatalogSite site) : IClassFixture<CatalogSite>, IAsyncLifetime
{
    private const string Handout = "catalog-test-handout";
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% catalog test attachment\n%%EOF\n");

    /// <summary>The shipped materials have no attachments, so one material with two files is imported the way content arrives.</summary>
    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iql-catalog-").FullName;
        File.Copy(Path.Combine(SiteFactory.ShippedContent, "units.yml"), Path.Combine(folder, "units.yml"));
        Directory.CreateDirectory(Path.Combine(folder, "materials", Handout));
        await File.WriteAllTextAsync(Path.Combine(folder, "materials", Handout + ".md"), """
            ---
            title: Handout für den Katalogtest
            language: de
            summary: Ein Material mit angehängten Dateien.
            unit: fachstelle-ikoe
            audiences: [hr]
            topics: [recruiting]
            attachments:
              - file: handout.pdf
                title: Handout als PDF
              - file: notizen.txt
                title: Notizen
            ---
            Laden Sie das [Handout](handout.pdf) herunter.
            """);
        await File.WriteAllBytesAsync(Path.Combine(folder, "materials", Handout, "handout.pdf"), PdfBytes);
        await File.WriteAllTextAsync(Path.Combine(folder, "materials", Handout, "notizen.txt"), "Notizen\n");
        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, null);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Directory.Delete(folder, recursive: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("audience=jobcentre"), InlineData("audience=administration"), InlineData("topic=anerkennung"), InlineData("language=en"), InlineData("q=jobcenter")]
    public async Task Each_material_filter_lists_exactly_the_published_materials_that_match_it(string filter)
    {
        var materials = await site.PublishedAsync(ContentKind.Material);
        var (key, value) = (filter.Split('=')[0], filter.Split('=')[1]);
        var expected = materials.Where(m => key switch
        {
            "audience" => m.Metadata<MaterialMetadata>().Audiences.Contains(value),
            "topic" => m.Metadata<MaterialMetadata>().Topics.Contains(value),
            "language" => m.Language == value,
            _ => m.Version.SearchText.Contains(value),
        }).Select(m => m.Slug).Order().ToList();
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/materials?" + filter);

        Assert.InRange(expected.Count, 1, materials.Count - 1);
        Assert.Equal(expected, CatalogPage.CardSlugs(page).Order());
    }

    [Fact]
    public async Task The_material_page_shows_its_text_and_links_its_files_also_from_the_text()
    {
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync("/materials/" + Handout);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Handout als PDF", "Notizen"], page.QuerySelectorAll(".catalog-attachments a").Select(a => a.TextContent));
        Assert.Equal($"/materials/{Handout}/files/handout.pdf", page.QuerySelector(".catalog-attachments a")!.GetAttribute("href"));
        Assert.Equal($"/materials/{Handout}/files/handout.pdf", page.QuerySelector(".catalog-body a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_attachment_is_downloaded_with_its_bytes_type_and_as_an_attachment()
    {
        using var client = SiteClient.For(site);

        var response = await client.Http.GetAsync($"/materials/{Handout}/files/handout.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PdfBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("handout.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        var text = await client.Http.GetAsync($"/materials/{Handout}/files/notizen.txt");
        Assert.Equal("text/plain", text.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData($"/materials/{Handout}/files/other.pdf")]
    [InlineData($"/materials/{Handout}/files/..%2F..%2Fiqlearning.db")]
    [InlineData("/materials/glossar-anerkennung/files/handout.pdf")]
    [InlineData("/materials/no-such-material")]
    [InlineData("/standards/no-such-standard")]
    public async Task Unknown_materials_files_and_standards_are_the_sites_404_page(string url)
    {
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(CatalogPage.IsSiteNotFoundPage(page));
    }

    [Fact]
    public async Task An_archived_material_and_its_files_are_gone_from_the_library()
    {
        using var client = SiteClient.For(site);
        await SetArchivedAsync(true);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/materials/" + Handout)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/materials/{Handout}/files/handout.pdf")).StatusCode);
            Assert.DoesNotContain(Handout, CatalogPage.CardSlugs((await client.GetAsync("/materials")).Page));
        }
        finally
        {
            await SetArchivedAsync(false);
        }
    }

    [Fact]
    public async Task A_standard_without_a_published_version_is_404()
    {
        await site.AddItemAsync(ContentKind.Standard, "catalog-test-draft-standard", "Entwurf eines Standards", "Noch nicht freigegeben.",
            VersionStatus.InReview, metadataJson: """{"code":"IQ-QS-ENTWURF","version":"0.1","validFrom":null}""");
        using var client = SiteClient.For(site);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/standards/catalog-test-draft-standard")).Status);
        Assert.DoesNotContain("IQ-QS-ENTWURF", (await client.GetAsync("/standards")).Page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_standards_library_lists_code_title_version_and_start_of_validity()
    {
        var standards = await site.PublishedAsync(ContentKind.Standard);
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/standards");

        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var expected = standards.Select(s => s.Metadata<StandardMetadata>()).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(m => m.Code), rows.Select(r => r[0]));
        Assert.Equal(expected.Select(m => m.Version), rows.Select(r => r[2]));
        Assert.Equal(expected.Select(m => m.ValidFrom!.Value.ToString("dd.MM.yyyy")), rows.Select(r => r[3]));
    }

    [Fact]
    public async Task A_standard_shows_every_published_version_but_no_draft()
    {
        const string slug = "iq-qs-diskriminierungssensible-beratung";
        await site.WithDbAsync(async db =>
        {
            var item = await db.ContentItems.SingleAsync(i => i.Kind == ContentKind.Standard && i.Slug == slug);
            var current = await db.ContentVersions.SingleAsync(v => v.Id == item.PublishedVersionId);
            current.Status = VersionStatus.Superseded;
            var next = CatalogSite.NewVersion(item.Id, current.Number + 1, VersionStatus.Published, current.Title, current.Body,
                """{"code":"IQ-QS-DSB","version":"1.1","validFrom":"2026-01-01"}""");
            var draft = CatalogSite.NewVersion(item.Id, current.Number + 2, VersionStatus.Draft, current.Title, current.Body,
                """{"code":"IQ-QS-DSB","version":"2.0-entwurf","validFrom":null}""");
            db.ContentVersions.AddRange(next, draft);
            await db.SaveChangesAsync();
            item.PublishedVersionId = next.Id;
            item.LatestVersionId = draft.Id;
            await db.SaveChangesAsync();
        });
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/standards/" + slug);

        var history = page.QuerySelectorAll(".catalog-history tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2", "1"], history.Select(r => r[0]));
        Assert.StartsWith("1.1", history[0][1]);
        Assert.Contains("aktuell", history[0][1]);
        Assert.Equal("1.0", history[1][1]);
        Assert.Equal("01.01.2026", history[0][2]);
        Assert.DoesNotContain("2.0-entwurf", page.QuerySelector("main")!.TextContent);
        Assert.Contains("1.1", page.QuerySelector("main .catalog-facts")!.TextContent);
    }

    [Theory, InlineData("de"), InlineData("en")]
    public async Task A_standard_lists_the_published_courses_meeting_it_once_per_translated_pair(string language)
    {
        const string slug = "iq-qs-rechtsinhalte";
        var courses = (await site.PublishedAsync(ContentKind.Course)).Where(c => c.Metadata<CourseMetadata>().Standards.Contains(slug)).ToList();
        var expected = courses.GroupBy(c => c.TranslationOfId ?? c.ItemId)
            .Select(pair => pair.FirstOrDefault(c => c.Language == language) ?? pair.First(c => c.Language == "de"))
            .Select(c => "/courses/" + c.Slug).Order().ToList();
        using var client = SiteClient.For(site, language);

        var (_, page) = await client.GetAsync("/standards/" + slug);

        Assert.True(expected.Count >= 3);
        Assert.Equal(expected, page.QuerySelectorAll(".catalog-standard-courses a").Select(a => a.GetAttribute("href")!).Order());
        Assert.Equal(language == "de" ? null : "de", page.QuerySelector("h1 span[lang]")?.GetAttribute("lang"));
    }

    private Task SetArchivedAsync(bool archived) => site.WithDbAsync(db =>
        db.ContentItems.Where(i => i.Kind == ContentKind.Material && i.Slug == Handout).ExecuteUpdateAsync(s => s.SetProperty(i => i.Archived, archived)));
}
