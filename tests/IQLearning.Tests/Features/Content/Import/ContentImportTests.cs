using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Import;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Content.Import;

/// <summary>A site seeded with the shipped curriculum on its first start.</summary>
public sealed class CurriculumSite : SiteFactory
{
    public CurriculumSite() => WithSetting("Content:SeedDirectory", ShippedContent);
}

[Collection(SiteCollection.Name)]
public sealed class ContentImportTests(CurriculumSite site) : IClassFixture<CurriculumSite>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("iql-content-").FullName;

    [Fact]
    public async Task The_shipped_curriculum_is_imported_on_first_start_and_published()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = await db.ContentItems.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(4, counts[ContentKind.Course]);
        Assert.True(counts[ContentKind.Lesson] >= 24);
        Assert.Equal(4, counts[ContentKind.Assessment]);
        Assert.True(counts[ContentKind.Scenario] >= 3);
        Assert.True(counts[ContentKind.Material] >= 4);
        Assert.True(counts[ContentKind.Standard] >= 2);
        Assert.False(await db.ContentItems.AnyAsync(i => i.PublishedVersionId == null));
        var english = await db.ContentItems.SingleAsync(i => i.Slug == "discrimination-sensitive-counselling-jobcentre");
        var german = await db.ContentItems.SingleAsync(i => i.Slug == "diskriminierungssensibel-beraten-jobcenter");
        Assert.Equal(german.Id, english.TranslationOfId);
        Assert.Equal(await db.ContentVersions.CountAsync(), await db.ContentAudit.CountAsync(a => a.Action == "imported"));
    }

    [Fact]
    public async Task Importing_the_same_folder_again_changes_nothing()
    {
        var folder = CopyOfShippedContent();
        Assert.True((await ImportAsync(folder)).Succeeded);
        var before = await VersionCountAsync();

        var result = await ImportAsync(folder);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(0, result.Summary!.NewVersions);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task A_changed_lesson_makes_a_new_version_of_that_lesson_and_its_course_and_keeps_the_lesson_id()
    {
        var folder = CopyOfShippedContent();
        var lessonFile = Directory.GetFiles(Path.Combine(folder, "courses", "interkulturelle-kompetenz-personalmanagement"), "01-*.md").Single();
        var lessonId = File.ReadLines(lessonFile).First(l => l.StartsWith("id:"))[3..].Trim();
        await File.AppendAllTextAsync(lessonFile, "\nEin zusätzlicher Absatz für die neue Version.\n");

        var result = await ImportAsync(folder);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Summary!.NewVersions);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lesson = await db.ContentItems.Include(i => i.Versions).SingleAsync(i => i.Kind == ContentKind.Lesson && i.Slug == lessonId);
        Assert.Equal([VersionStatus.Superseded, VersionStatus.Published], lesson.Versions.OrderBy(v => v.Number).Select(v => v.Status));
        var published = lesson.Versions.Single(v => v.Id == lesson.PublishedVersionId);
        Assert.Contains("Ein zusätzlicher Absatz für die neue Version.", published.BodyHtml);
    }

    [Fact]
    public async Task A_broken_gift_file_fails_the_whole_import_with_file_and_line_and_stores_nothing()
    {
        var folder = CopyOfShippedContent();
        var material = Directory.GetFiles(Path.Combine(folder, "materials"), "*.md").First();
        await File.AppendAllTextAsync(material, "\nNeuer Text, der nicht gespeichert werden darf.\n");
        var gift = Path.Combine(folder, "courses", "diskriminierungssensibel-beraten-jobcenter", "abschlusstest.gift");
        var lines = (await File.ReadAllLinesAsync(gift)).ToList();
        lines.AddRange(["", "::Kaputt:: Was fehlt hier? {=Die schließende Klammer"]);
        await File.WriteAllLinesAsync(gift, lines);
        var before = await VersionCountAsync();

        var result = await ImportAsync(folder);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("courses/diskriminierungssensibel-beraten-jobcenter/abschlusstest.gift", error.File);
        Assert.Equal(lines.Count, error.Line);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task A_front_matter_error_names_file_line_and_field()
    {
        var folder = CopyOfShippedContent();
        var course = Path.Combine(folder, "courses", "auslaendische-berufsabschluesse-anerkennung", "course.md");
        var text = await File.ReadAllLinesAsync(course);
        var line = Array.FindIndex(text, l => l.StartsWith("language:"));
        text[line] = "language: fr";
        await File.WriteAllLinesAsync(course, text);

        var result = await ImportAsync(folder);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("courses/auslaendische-berufsabschluesse-anerkennung/course.md", line + 1, "language"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public async Task Export_after_import_reproduces_the_normalised_files()
    {
        var exported = Path.Combine(_work, "exported");
        var normalised = Path.Combine(_work, "normalised");
        Assert.True((await ImportAsync(SiteFactory.ShippedContent)).Succeeded); // undo what other tests of this class imported
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(exported);
        var read = ContentReader.Read(SiteFactory.ShippedContent);
        Assert.True(read.Succeeded);
        ContentWriter.Write(read.Package, normalised);

        var expected = Files(normalised);
        var actual = Files(exported);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (path, bytes) in expected) Assert.True(bytes.SequenceEqual(actual[path]), $"{path} differs after export");
        Assert.Equal(read.Package, ContentReader.Read(exported).Package);
    }

    private async Task<ImportResult> ImportAsync(string folder)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, null);
    }

    private async Task<int> VersionCountAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentVersions.CountAsync();
    }

    private string CopyOfShippedContent()
    {
        var target = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(SiteFactory.ShippedContent, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(SiteFactory.ShippedContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
