using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Media;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using FileCourse = IQLearning.Web.Features.Content.Files.Course;

namespace IQLearning.Web.Features.Content.Import;

/// <summary>Writes the published content back into the content-folder format (normalised), for another installation.</summary>
public sealed class ContentExporter(AppDbContext db, MediaStore media)
{
    public async Task ExportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var items = await db.ContentItems.AsNoTracking().Where(i => !i.Archived && i.PublishedVersionId != null)
            .Include(i => i.Unit).ToListAsync(cancellationToken);
        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        var versions = await db.ContentVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.ContentItemId, cancellationToken);
        var units = await db.SpecialistUnits.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken); // the order of units.yml
        var package = new ContentPackage(
            new(units.Select(u => new Files.SpecialistUnit(u.Slug, u.Name, string.IsNullOrEmpty(u.Description) ? null : u.Description))),
            new(items.Where(i => i.Kind == ContentKind.Course).OrderBy(i => i.Slug).Select(i => Course(i, versions, items))),
            new(await MaterialsAsync(items, versions, cancellationToken)),
            new(items.Where(i => i.Kind == ContentKind.Standard).OrderBy(i => i.Slug).Select(i => Standard(i, versions[i.Id]))));
        ContentWriter.Write(package, directory);
    }

    private static FileCourse Course(ContentItem item, IReadOnlyDictionary<int, ContentVersion> versions, IReadOnlyList<ContentItem> items)
    {
        var version = versions[item.Id];
        var meta = version.Read<CourseMetadata>();
        var children = items.Where(i => i.ParentId == item.Id).ToList();
        var lessons = children.Where(c => c.Kind == ContentKind.Lesson).ToDictionary(c => c.Slug, c => Lesson(c, versions[c.Id]));
        RawTextFile Source(ContentItem child) => new(versions[child.Id].Read<SourceFileMetadata>().FileName, versions[child.Id].Body);
        var sources = children.Where(c => c.Kind is ContentKind.Assessment or ContentKind.Scenario).Select(Source).ToDictionary(s => s.FileName);
        return new FileCourse
        {
            Slug = item.Slug, Title = version.Title, Language = item.Language, Summary = version.Summary, Unit = item.Unit!.Slug,
            TranslationOf = item.TranslationOfId is { } original ? items.First(i => i.Id == original).Slug : null,
            Audiences = new(meta.Audiences), Topics = new(meta.Topics), DurationMinutes = meta.DurationMinutes,
            Outcomes = new(meta.Outcomes), Standards = new(meta.Standards),
            Certificate = new CertificateRules(meta.PassMark, meta.ValidityMonths),
            Assessment = meta.Assessment is { } gift ? sources[gift] : null,
            Scenarios = new(meta.Scenarios.Select(s => sources[s])),
            Modules = new(meta.Modules.Select(m => new Files.CourseModule(m.Title, new(m.Lessons.Select(l => lessons[l]))))),
            Description = version.Body,
        };
    }

    private static Files.Lesson Lesson(ContentItem item, ContentVersion version)
    {
        var meta = version.Read<LessonMetadata>();
        return new Files.Lesson
        {
            FileName = meta.FileName, Id = item.Slug, Title = version.Title, DurationMinutes = meta.DurationMinutes,
            Required = meta.Required, Body = version.Body,
        };
    }

    private async Task<List<Files.Material>> MaterialsAsync(IEnumerable<ContentItem> items, IReadOnlyDictionary<int, ContentVersion> versions, CancellationToken cancellationToken)
    {
        var materials = new List<Files.Material>();
        foreach (var item in items.Where(i => i.Kind == ContentKind.Material).OrderBy(i => i.Slug))
        {
            var version = versions[item.Id];
            var meta = version.Read<MaterialMetadata>();
            var attachments = new List<Files.MaterialAttachment>();
            foreach (var a in meta.Attachments)
                attachments.Add(new Files.MaterialAttachment(a.File, a.Title, new FileBytes(await media.ReadAsync(a.Sha256!, cancellationToken)
                    ?? throw new InvalidDataException($"Attachment {a.File} of {item.Slug} is missing from the media store."))));
            materials.Add(new Files.Material
            {
                Slug = item.Slug, Title = version.Title, Language = item.Language, Summary = version.Summary, Unit = item.Unit!.Slug,
                Audiences = new(meta.Audiences), Topics = new(meta.Topics), Attachments = new(attachments), Body = version.Body,
            });
        }
        return materials;
    }

    private static QualityStandard Standard(ContentItem item, ContentVersion version)
    {
        var meta = version.Read<StandardMetadata>();
        return new QualityStandard
        {
            Slug = item.Slug, Title = version.Title, Code = meta.Code, Version = meta.Version, ValidFrom = meta.ValidFrom!.Value,
            Language = item.Language, Unit = item.Unit!.Slug, Summary = version.Summary, Body = version.Body,
        };
    }
}
