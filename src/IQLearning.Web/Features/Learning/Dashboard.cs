using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

public sealed record DashboardCourse(
    int EnrollmentId, string Slug, string Title, string Language, EnrollmentStatus Status, EnrollmentSource Source,
    DateTime? DueAt, DateTime? CompletedAt, int LessonsDone, int LessonCount, bool Available)
{
    public bool IsOverdue(DateTime now) => Status == EnrollmentStatus.Active && DueAt < now;
}

public sealed record DashboardPage(IReadOnlyList<DashboardCourse> Current, IReadOnlyList<DashboardCourse> Completed, DateTime Now);

/// <summary>
/// The learner's own courses: current ones with progress and due dates (most urgent first), completed ones with the
/// way to their certificate. Three queries whatever the number of courses.
/// </summary>
public sealed class Dashboard(AppDbContext db, TimeProvider clock)
{
    public async Task<DashboardPage> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == userId && e.Status != EnrollmentStatus.Left)
            .Join(db.ContentItems, e => e.CourseItemId, i => i.Id, (e, i) => new { e, i })
            // An archived course keeps its title from the last version, so a completed course stays on the list.
            .Join(db.ContentVersions, x => x.i.PublishedVersionId ?? x.i.LatestVersionId, v => v.Id, (x, v) => new
            {
                x.e.Id, x.e.CourseItemId, x.i.Slug, x.i.Language, v.Title, v.MetadataJson, x.e.Status, x.e.Source, x.e.DueAt, x.e.CompletedAt,
                Available = !x.i.Archived && x.i.PublishedVersionId != null,
            })
            .ToListAsync(cancellationToken);
        var courseIds = enrollments.Select(e => e.CourseItemId).ToList();
        var enrollmentIds = enrollments.Select(e => e.Id).ToList();
        var lessons = await db.ContentItems.AsNoTracking()
            .Where(i => i.Kind == ContentKind.Lesson && i.ParentId != null && courseIds.Contains(i.ParentId.Value) && !i.Archived && i.PublishedVersionId != null)
            .Select(i => new { i.Id, i.Slug, CourseItemId = i.ParentId!.Value })
            .ToListAsync(cancellationToken);
        var done = await db.LessonProgress.AsNoTracking()
            .Where(p => enrollmentIds.Contains(p.EnrollmentId) && p.CompletedAt != null
                && db.Enrollments.Any(e => e.Id == p.EnrollmentId && e.UserId == userId))
            .Select(p => new { p.EnrollmentId, p.LessonItemId })
            .ToListAsync(cancellationToken);

        var courses = enrollments.Select(e =>
        {
            // The lessons of the course's current version that can be read (published), by item id.
            var listed = JsonSerializer.Deserialize<CourseMetadata>(e.MetadataJson, JsonOptions)?.LessonIds.ToHashSet() ?? [];
            var current = lessons.Where(l => l.CourseItemId == e.CourseItemId && listed.Contains(l.Slug)).Select(l => l.Id).ToHashSet();
            var lessonsDone = done.Count(d => d.EnrollmentId == e.Id && current.Contains(d.LessonItemId));
            return new DashboardCourse(e.Id, e.Slug, e.Title, e.Language, e.Status, e.Source, e.DueAt, e.CompletedAt, lessonsDone, current.Count, e.Available);
        }).ToList();
        return new DashboardPage(
            courses.Where(c => c.Status == EnrollmentStatus.Active).OrderBy(c => c.DueAt ?? DateTime.MaxValue).ThenBy(c => c.Title).ToList(),
            courses.Where(c => c.Status == EnrollmentStatus.Completed).OrderByDescending(c => c.CompletedAt).ToList(),
            clock.GetUtcNow().UtcDateTime);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
