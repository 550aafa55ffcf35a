using IQLearning.Web.Features.Learning.Model;

namespace IQLearning.Web.Features.Learning;

public sealed record ResumeResult(LessonOutcome Outcome, string? LessonSlug = null);

/// <summary>Where a learner continues a course: the lesson they left off at while it is unfinished, else the first unfinished one.</summary>
public sealed class ResumeCourse(CourseOutlines outlines, LearnerRecords records)
{
    public async Task<ResumeResult> HandleAsync(string userId, string courseSlug, CancellationToken cancellationToken)
    {
        var course = (await outlines.FindAsync(courseSlug, null, cancellationToken))?.Outline;
        if (course is null || !course.Lessons.Any()) return new(LessonOutcome.NotFound);
        var enrollment = await records.FindEnrollmentAsync(userId, course.CourseItemId, cancellationToken);
        if (enrollment is null || enrollment.Status == EnrollmentStatus.Left) return new(LessonOutcome.NotEnrolled);
        var record = await records.ReadAsync(userId, enrollment.Id, [], cancellationToken);
        return new(LessonOutcome.Found, Pick(course, enrollment.LastLessonItemId, record.Record.DoneLessonItemIds).Slug);
    }

    /// <summary>
    /// The last lesson opened if it is still in the course and not done; otherwise the first lesson not done;
    /// when all are done, the last one opened (or the first), for review. A lesson dropped from the current version is skipped.
    /// </summary>
    public static OutlineLesson Pick(CourseOutline course, int? lastLessonItemId, IReadOnlySet<int> done)
    {
        var last = lastLessonItemId is { } id ? course.Lesson(id) : null;
        if (last is not null && !done.Contains(last.ItemId)) return last;
        return course.Lessons.FirstOrDefault(l => !done.Contains(l.ItemId)) ?? last ?? course.Lessons.First();
    }
}
