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
/// Reads course outlines in one query each (the course and its published children together). Published versions
/// never change, so the outline is always that of the versions published at the moment of the read.
/// </summary>
public sealed class CourseOutlines(AppDbContext db)
{
    // Within one request the completion handler asks again for the outline the page or action already read.
    private readonly Dictionary<int, CourseOutline> _read = [];

    public async Task<OutlineWithLesson?> FindAsync(string courseSlug, string? lessonSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(courseSlug) || courseSlug.Length > 120) return null;
        var rows = await ReadAsync(db.ContentItems.Where(i =>
            (i.Kind == ContentKind.Course && i.Slug == courseSlug) ||
            db.ContentItems.Any(c => c.Kind == ContentKind.Course && c.Slug == courseSlug && c.Id == i.ParentId)), lessonSlug, cancellationToken);
        return Build(rows, lessonSlug);
    }

    public async Task<CourseOutline?> FindAsync(int courseItemId, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(courseItemId, out var known)) return known;
        var rows = await ReadAsync(db.ContentItems.Where(i =>
            (i.Kind == ContentKind.Course && i.Id == courseItemId) || i.ParentId == courseItemId), null, cancellationToken);
        return Build(rows, null)?.Outline;
    }

    private sealed record Row(int Id, int? ParentId, ContentKind Kind, string Slug, string Language, int VersionId,
        string Title, string Summary, string MetadataJson, string? BodyHtml);

    private Task<List<Row>> ReadAsync(IQueryable<ContentItem> items, string? lessonSlug, CancellationToken cancellationToken) =>
        items.AsNoTracking()
            .Where(i => !i.Archived && i.PublishedVersionId != null)
            .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new Row(i.Id, i.ParentId, i.Kind, i.Slug, i.Language, v.Id,
                v.Title, v.Summary, v.MetadataJson,
                // Only the lesson being read carries its (large) HTML over the wire.
                i.Kind == ContentKind.Lesson && i.Slug == lessonSlug ? v.BodyHtml : null))
            .ToListAsync(cancellationToken);

    private OutlineWithLesson? Build(List<Row> rows, string? lessonSlug)
    {
        var course = rows.FirstOrDefault(r => r.Kind == ContentKind.Course);
        if (course is null) return null;
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
        var outline = new CourseOutline(course.Id, course.Slug, course.Language, course.VersionId, course.Title, course.Summary,
            modules, assessment, scenarios, unresolved);
        _read[course.Id] = outline;
        var html = lessonSlug is not null && lessons.TryGetValue(lessonSlug, out var lesson) ? lesson.BodyHtml : null;
        return new OutlineWithLesson(outline, html);
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
