using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record CoursePage(
    int ItemId, int VersionId, string Slug, string Language, string Title, string Summary, string DescriptionHtml, string Unit,
    CourseMetadata Metadata, IReadOnlyList<ModuleOutline> Modules, IReadOnlyList<string> ScenarioTitles,
    IReadOnlyList<StandardLink> Standards, IReadOnlyList<OtherLanguageVersion> Translations)
{
    public CourseEnrolmentSlot Enrolment => new(ItemId, VersionId, Slug);
}

public sealed record ModuleOutline(string Title, IReadOnlyList<LessonOutline> Lessons)
{
    public int DurationMinutes => Lessons.Sum(l => l.DurationMinutes);
}

public sealed record LessonOutline(string Id, string Title, int DurationMinutes);

public sealed record StandardLink(string Slug, string Code, string Title, string Language);

public sealed record OtherLanguageVersion(string Slug, string Language, string Title);

/// <summary>What the learning feature needs to put enrolment and the learner's status on the course page.</summary>
public sealed record CourseEnrolmentSlot(int CourseItemId, int CourseVersionId, string Slug);

/// <summary>
/// The public course page in four queries whatever the course's size: the course, its lessons and scenarios
/// together, its standards, its other-language versions.
/// </summary>
public sealed class CourseDetails(AppDbContext db)
{
    public async Task<CoursePage?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var course = await db.Published(ContentKind.Course).Where(v => v.Item!.Slug == slug)
            .Select(v => new { ItemId = v.Item!.Id, VersionId = v.Id, v.Item.Language, v.Item.TranslationOfId, v.Title, v.Summary, v.BodyHtml,
                Unit = v.Item.Unit!.Name, v.MetadataJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var metadata = Metadata.Of<CourseMetadata>(course.MetadataJson);

        var (modules, scenarios) = await OutlineAsync(course.ItemId, metadata, cancellationToken);
        var standards = await StandardsAsync(metadata, cancellationToken);
        var translations = await TranslationsAsync(course.ItemId, course.TranslationOfId ?? course.ItemId, cancellationToken);
        return new CoursePage(course.ItemId, course.VersionId, slug, course.Language, course.Title, course.Summary, course.BodyHtml, course.Unit,
            metadata, modules, scenarios, standards, translations);
    }

    /// <summary>Modules in the course's order, each lesson by its id; a lesson without a published version is left out.</summary>
    private async Task<(IReadOnlyList<ModuleOutline>, IReadOnlyList<string>)> OutlineAsync(int courseId, CourseMetadata metadata,
        CancellationToken cancellationToken)
    {
        var lessonIds = metadata.LessonIds.ToList();
        var parts = await db.Published()
            .Where(v => (v.Item!.Kind == ContentKind.Lesson && lessonIds.Contains(v.Item.Slug)) ||
                        (v.Item.Kind == ContentKind.Scenario && v.Item.ParentId == courseId))
            .Select(v => new { v.Item!.Kind, v.Item.Slug, v.Title, v.MetadataJson })
            .ToListAsync(cancellationToken);

        var lessons = parts.Where(p => p.Kind == ContentKind.Lesson)
            .ToDictionary(p => p.Slug, p => new LessonOutline(p.Slug, p.Title, Metadata.Of<LessonMetadata>(p.MetadataJson).DurationMinutes));
        var modules = metadata.Modules
            .Select(m => new ModuleOutline(m.Title, m.Lessons.Where(lessons.ContainsKey).Select(id => lessons[id]).ToList()))
            .ToList();
        // The course lists its scenarios by file name; the scenario items remember theirs.
        var scenarioTitles = parts.Where(p => p.Kind == ContentKind.Scenario)
            .Select(p => (File: Metadata.Of<SourceFileMetadata>(p.MetadataJson).FileName, p.Title))
            .Where(s => metadata.Scenarios.Contains(s.File))
            .OrderBy(s => metadata.Scenarios.ToList().IndexOf(s.File))
            .Select(s => s.Title).ToList();
        return (modules, scenarioTitles);
    }

    private async Task<IReadOnlyList<StandardLink>> StandardsAsync(CourseMetadata metadata, CancellationToken cancellationToken)
    {
        if (metadata.Standards.Count == 0) return [];
        var slugs = metadata.Standards.ToList();
        var rows = await db.Published(ContentKind.Standard).Where(v => slugs.Contains(v.Item!.Slug))
            .Select(v => new { v.Item!.Slug, v.Item.Language, v.Title, v.MetadataJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StandardLink(r.Slug, Metadata.Of<StandardMetadata>(r.MetadataJson).Code, r.Title, r.Language))
            .OrderBy(s => slugs.IndexOf(s.Slug)).ToList();
    }

    /// <summary>The other members of the course's translated pair (an original and the courses translating it).</summary>
    private async Task<IReadOnlyList<OtherLanguageVersion>> TranslationsAsync(int courseId, int originalId, CancellationToken cancellationToken) =>
        await db.Published(ContentKind.Course)
            .Where(v => v.Item!.Id != courseId && (v.Item.Id == originalId || v.Item.TranslationOfId == originalId))
            .OrderBy(v => v.Item!.Language)
            .Select(v => new OtherLanguageVersion(v.Item!.Slug, v.Item.Language, v.Title))
            .ToListAsync(cancellationToken);
}
