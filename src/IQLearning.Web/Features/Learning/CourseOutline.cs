using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

public sealed record OutlineLesson(int ItemId, string Slug, string Title, int DurationMinutes, bool Required, int Number);

public sealed record OutlineModule(string Title, IReadOnlyList<OutlineLesson> Lessons);

/// <summary>A course's final assessment or one of its scenarios, as linked from the table of contents.</summary>
public sealed record OutlineStep(int ItemId, ContentKind Kind, string Title);

/// <summary>
/// The current published version of a course as a learner sees it: modules with their published lessons in reading
/// order, the final assessment and the scenarios. Lessons the course lists but that are unpublished or archived are
/// left out (nobody can do them, so they cannot be required).
/// </summary>
public sealed record CourseOutline(
    int CourseItemId, string Slug, string Language, int VersionId, string Title, string Summary,
    IReadOnlyList<OutlineModule> Modules, OutlineStep? Assessment, IReadOnlyList<OutlineStep> Scenarios,
    IReadOnlyList<string> UnresolvedParts)
{
    public IEnumerable<OutlineLesson> Lessons => Modules.SelectMany(m => m.Lessons);

    public OutlineLesson? Lesson(string slug) => Lessons.FirstOrDefault(l => l.Slug == slug);

    public OutlineLesson? Lesson(int itemId) => Lessons.FirstOrDefault(l => l.ItemId == itemId);

    public IReadOnlyList<int> StepItemIds => [.. Scenarios.Select(s => s.ItemId), .. Assessment is { } a ? [a.ItemId] : Array.Empty<int>()];

    public CourseRequirements Requirements => new(VersionId,
        Lessons.Where(l => l.Required).Select(l => l.ItemId).ToList(), Assessment?.ItemId,
        Scenarios.Select(s => s.ItemId).ToList(), UnresolvedParts);
}

/// <summary>An outline and, when one was asked for, the pre-rendered HTML of one of its lessons.</summary>
public sealed record OutlineWithLesson(CourseOutline Outline, string? LessonHtml);

/// <summary>
/// Reads course outlines. Published versions never change, so a built outline is kept in
/// <see cref="PublishedOutlineCache"/> for the whole process; each read still asks the database which items and
/// versions are published right now (a small query of ids), and rebuilds the outline when that answer differs from
/// the one it was built from. So a publish on another replica is seen by the very next request, and completion
/// rules never run on a stale outline.
/// </summary>
public sealed class CourseOutlines(AppDbContext db, PublishedOutlineCache cache)
{
    // Within one request the completion handler asks again for the outline the page or action already read.
    private readonly Dictionary<int, CourseOutline> _read = [];

    public async Task<OutlineWithLesson?> FindAsync(string courseSlug, string? lessonSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(courseSlug) || courseSlug.Length > 120) return null;
        // The lesson's HTML comes with the heads only when the version kept from an earlier read is no longer the published one.
        var kept = lessonSlug is null ? null : cache.LessonHtml(courseSlug, lessonSlug);
        var heads = await HeadsBySlug(db, courseSlug, lessonSlug, kept?.VersionId ?? 0).ToListAsync(cancellationToken);
        var outline = await OutlineAsync(heads, cancellationToken);
        if (outline is null) return null;
        if (lessonSlug is null) return new OutlineWithLesson(outline, null);
        var lesson = heads.FirstOrDefault(h => h.Kind == ContentKind.Lesson && h.ParentId == outline.CourseItemId && h.Slug == lessonSlug);
        if (lesson is null) return new OutlineWithLesson(outline, null);
        if (lesson.BodyHtml is null && kept is { } k && k.VersionId == lesson.VersionId) return new OutlineWithLesson(outline, k.Html);
        if (lesson.BodyHtml is not null) cache.SetLessonHtml(courseSlug, lessonSlug, new(lesson.VersionId, lesson.BodyHtml));
        return new OutlineWithLesson(outline, lesson.BodyHtml);
    }

    public async Task<CourseOutline?> FindAsync(int courseItemId, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(courseItemId, out var known)) return known;
        var heads = await HeadsById(db, courseItemId).ToListAsync(cancellationToken);
        return await OutlineAsync(heads, cancellationToken);
    }

    /// <summary>
    /// What identifies a published outline: every item's id, place, slug, language and published version; and the
    /// pre-rendered HTML of the one lesson being read when it is not kept already (a version's HTML never changes).
    /// </summary>
    private sealed record Head(int Id, int? ParentId, ContentKind Kind, string Slug, string Language, int VersionId, string? BodyHtml);

    // Compiled once: these run on every lesson page and "lesson done", and skip EF Core's per-call query translation.
    private static readonly Func<AppDbContext, string, string?, int, IAsyncEnumerable<Head>> HeadsBySlug = EF.CompileAsyncQuery(
        (AppDbContext db, string slug, string? lessonSlug, int keptVersionId) => db.ContentItems.AsNoTracking()
            .Where(i => (i.Kind == ContentKind.Course && i.Slug == slug) ||
                db.ContentItems.Any(c => c.Kind == ContentKind.Course && c.Slug == slug && c.Id == i.ParentId))
            .Where(i => !i.Archived && i.PublishedVersionId != null)
            .Select(i => new Head(i.Id, i.ParentId, i.Kind, i.Slug, i.Language, i.PublishedVersionId!.Value,
                i.Kind == ContentKind.Lesson && i.Slug == lessonSlug && i.PublishedVersionId != keptVersionId
                    ? db.ContentVersions.Where(v => v.Id == i.PublishedVersionId).Select(v => v.BodyHtml).FirstOrDefault()
                    : null)));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<Head>> HeadsById = EF.CompileAsyncQuery(
        (AppDbContext db, int id) => db.ContentItems.AsNoTracking()
            .Where(i => (i.Kind == ContentKind.Course && i.Id == id) || i.ParentId == id)
            .Where(i => !i.Archived && i.PublishedVersionId != null)
            .Select(i => new Head(i.Id, i.ParentId, i.Kind, i.Slug, i.Language, i.PublishedVersionId!.Value, null)));

    private async Task<CourseOutline?> OutlineAsync(List<Head> heads, CancellationToken cancellationToken)
    {
        var course = heads.FirstOrDefault(h => h.Kind == ContentKind.Course);
        if (course is null) return null;
        var items = heads.Where(h => h == course || h.ParentId == course.Id).OrderBy(h => h.Id).ToList();
        var signature = string.Join(';', items.Select(h => $"{h.Id},{h.ParentId},{(int)h.Kind},{h.Slug},{h.Language},{h.VersionId}"));
        if (!cache.TryGetOutline(course.Id, signature, out var outline))
        {
            outline = Build(await ReadAsync(items, cancellationToken));
            cache.SetOutline(course.Id, signature, outline);
        }
        _read[course.Id] = outline;
        return outline;
    }

    private sealed record Row(int Id, int? ParentId, ContentKind Kind, string Slug, string Language, int VersionId,
        string Title, string Summary, string MetadataJson);

    /// <summary>The very versions the heads name, so an outline always matches the signature it is kept under.</summary>
    private async Task<List<Row>> ReadAsync(List<Head> items, CancellationToken cancellationToken)
    {
        var versionIds = items.Select(h => h.VersionId).ToList();
        var versions = await db.ContentVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Title, v.Summary, v.MetadataJson }).ToDictionaryAsync(v => v.Id, cancellationToken);
        return items.Select(h =>
        {
            var v = versions[h.VersionId];
            return new Row(h.Id, h.ParentId, h.Kind, h.Slug, h.Language, h.VersionId, v.Title, v.Summary, v.MetadataJson);
        }).ToList();
    }

    private static CourseOutline Build(List<Row> rows)
    {
        var course = rows.First(r => r.Kind == ContentKind.Course);
        var children = rows.Where(r => r.ParentId == course.Id).ToList();
        var metadata = Json<CourseMetadata>(course.MetadataJson)
            ?? throw new InvalidDataException($"Course version {course.VersionId} has no course metadata.");
        var lessons = children.Where(r => r.Kind == ContentKind.Lesson).ToDictionary(r => r.Slug);
        var number = 0;
        var modules = metadata.Modules.Select(m => new OutlineModule(m.Title, m.Lessons
            .Where(lessons.ContainsKey).Select(slug => Lesson(lessons[slug], ++number)).ToList())).Where(m => m.Lessons.Count > 0).ToList();
        var unresolved = new List<string>();
        var assessment = metadata.Assessment is { } file ? Step(children, ContentKind.Assessment, file, unresolved) : null;
        var scenarios = metadata.Scenarios.Select(f => Step(children, ContentKind.Scenario, f, unresolved)).OfType<OutlineStep>().ToList();
        return new CourseOutline(course.Id, course.Slug, course.Language, course.VersionId, course.Title, course.Summary,
            modules, assessment, scenarios, unresolved);
    }

    private static OutlineLesson Lesson(Row row, int number)
    {
        var meta = Json<LessonMetadata>(row.MetadataJson);
        return new OutlineLesson(row.Id, row.Slug, row.Title, meta?.DurationMinutes ?? 0, meta?.Required ?? true, number);
    }

    /// <summary>Assessment and scenario items name the file they came from; the course names the same file.</summary>
    private static OutlineStep? Step(List<Row> children, ContentKind kind, string fileName, List<string> unresolved)
    {
        var row = children.FirstOrDefault(r => r.Kind == kind &&
            Json<SourceFileMetadata>(r.MetadataJson)?.FileName == fileName);
        if (row is null) unresolved.Add(fileName);
        return row is null ? null : new OutlineStep(row.Id, kind, row.Title);
    }

    // The same options ContentMetadata writes with.
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static T? Json<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json, JsonOptions);
}
