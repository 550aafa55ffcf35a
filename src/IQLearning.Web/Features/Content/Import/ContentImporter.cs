using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Media;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using FileCourse = IQLearning.Web.Features.Content.Files.Course;

namespace IQLearning.Web.Features.Content.Import;

public sealed record ImportSummary(int NewVersions, int Unchanged);

/// <summary>Either every error of the folder, or what the import changed.</summary>
public sealed record ImportResult(IReadOnlyList<ContentError> Errors, ImportSummary? Summary)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a content folder in one transaction: all of it or nothing. A file whose normalised form is unchanged
/// adds nothing; a changed file adds a new published version (importing is an administrator's act of publishing).
/// </summary>
public sealed class ContentImporter(AppDbContext db, MediaStore media, TimeProvider clock, ILogger<ContentImporter> logger)
{
    public async Task<ImportResult> ImportAsync(string directory, string? userId, CancellationToken cancellationToken = default)
    {
        var read = ContentReader.Read(directory);
        if (!read.Succeeded) return new ImportResult(read.Errors, null);
        var problems = ContentImportCheck.Check(read.Package);
        if (problems.Count > 0) return new ImportResult(problems, null);

        var strategy = db.Database.CreateExecutionStrategy();
        var summary = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var writer = new VersionWriter(db, clock.GetUtcNow().UtcDateTime, userId, "imported");
            await ImportPackageAsync(read.Package, writer, cancellationToken);
            db.AuditEvents.Add(new Audit.AuditEvent
            {
                At = clock.GetUtcNow().UtcDateTime, Action = "content.imported", ActorId = userId, Subject = "content",
                Detail = $"{Path.GetFileName(directory.TrimEnd('/'))}: {writer.Summary.NewVersions} new, {writer.Summary.Unchanged} unchanged",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return writer.Summary;
        });
        logger.LogInformation("Imported {Directory}: {New} new version(s), {Unchanged} unchanged.", directory, summary.NewVersions, summary.Unchanged);
        return new ImportResult([], summary);
    }

    private async Task ImportPackageAsync(ContentPackage package, VersionWriter writer, CancellationToken cancellationToken)
    {
        var units = await ImportUnitsAsync(package.Units, cancellationToken);
        foreach (var standard in package.Standards)
            await writer.WriteAsync(ContentKind.Standard, standard.Slug, units[standard.Unit], standard.Language, null,
                ContentVersions.Standard(standard), cancellationToken);
        foreach (var material in package.Materials)
        {
            var attachments = new List<Model.MaterialAttachment>();
            foreach (var a in material.Attachments)
                attachments.Add(new Model.MaterialAttachment(a.File, a.Title, await media.SaveAsync(a.Content.ToArray(), cancellationToken)));
            await writer.WriteAsync(ContentKind.Material, material.Slug, units[material.Unit], material.Language, null,
                ContentVersions.Material(material, attachments), cancellationToken);
        }
        foreach (var course in package.Courses) await ImportCourseAsync(course, units[course.Unit], writer, cancellationToken);
        await LinkTranslationsAsync(package.Courses, cancellationToken);
    }

    private async Task ImportCourseAsync(FileCourse course, int unitId, VersionWriter writer, CancellationToken cancellationToken)
    {
        var item = await writer.WriteAsync(ContentKind.Course, course.Slug, unitId, course.Language, null, ContentVersions.Course(course), cancellationToken);
        foreach (var lesson in course.Lessons)
            await writer.WriteAsync(ContentKind.Lesson, lesson.Id, unitId, course.Language, item.Id, ContentVersions.Lesson(lesson, course.Language), cancellationToken);
        if (course.Assessment is { } gift)
            await writer.WriteAsync(ContentKind.Assessment, $"{course.Slug}/{gift.FileName}", unitId, course.Language, item.Id,
                ContentVersions.Source(gift, course.Title), cancellationToken);
        foreach (var scenario in course.Scenarios)
        {
            var parsed = Assessments.Scenarios.ScenarioReader.Read(scenario.FileName, scenario.Text).Scenario!;
            await writer.WriteAsync(ContentKind.Scenario, parsed.Id, unitId, parsed.Language, item.Id,
                ContentVersions.Source(scenario, parsed.Title), cancellationToken);
        }
    }

    private async Task<Dictionary<string, int>> ImportUnitsAsync(IEnumerable<Files.SpecialistUnit> units, CancellationToken cancellationToken)
    {
        var existing = await db.SpecialistUnits.ToDictionaryAsync(u => u.Slug, cancellationToken);
        foreach (var unit in units)
        {
            if (!existing.TryGetValue(unit.Slug, out var stored))
                db.SpecialistUnits.Add(existing[unit.Slug] = stored = new Model.SpecialistUnit { Slug = unit.Slug, Name = unit.Name });
            stored.Name = unit.Name;
            stored.Description = unit.Description ?? "";
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
    }

    private async Task LinkTranslationsAsync(IEnumerable<FileCourse> courses, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.Where(i => i.Kind == ContentKind.Course).ToDictionaryAsync(i => i.Slug, cancellationToken);
        foreach (var course in courses)
            items[course.Slug].TranslationOfId = course.TranslationOf is { } original ? items[original].Id : null;
    }
}
