using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

public sealed record MarkLessonDoneResult(LessonOutcome Outcome, string? NextLessonSlug = null, bool CourseCompleted = false);

/// <summary>
/// "Lesson done": records it once (a second press changes nothing) and raises <see cref="CourseStepCompleted"/> in
/// the same transaction, so that the lesson, the completion and whatever completion causes commit together.
/// </summary>
public sealed class MarkLessonDone(
    AppDbContext db, CourseOutlines outlines, LearnerRecords records, IEnumerable<ICourseStepHandler> stepHandlers, TimeProvider clock)
{
    public async Task<MarkLessonDoneResult> HandleAsync(string userId, string courseSlug, string lessonSlug, CancellationToken cancellationToken)
    {
        var course = (await outlines.FindAsync(courseSlug, null, cancellationToken))?.Outline;
        if (course?.Lesson(lessonSlug) is not { } lesson) return new(LessonOutcome.NotFound);
        var enrollment = await records.FindEnrollmentAsync(userId, course.CourseItemId, cancellationToken);
        if (enrollment is null || enrollment.Status == EnrollmentStatus.Left) return new(LessonOutcome.NotEnrolled);

        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LessonProgressRows.MarkDoneAsync(db, enrollment.Id, lesson.ItemId, now, cancellationToken);
            // Marking done is activity even when the lesson was done before: the dashboard and reminders read it.
            await LessonProgressRows.RememberLessonAsync(db, enrollment.Id, lesson.ItemId, now, cancellationToken);
            var step = new CourseStepCompleted(userId, course.CourseItemId);
            foreach (var handler in stepHandlers) await handler.HandleAsync(step, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        var next = course.Lessons.SkipWhile(l => l != lesson).Skip(1).FirstOrDefault();
        var completedNow = enrollment.Status == EnrollmentStatus.Active &&
            await db.Enrollments.AnyAsync(e => e.Id == enrollment.Id && e.Status == EnrollmentStatus.Completed, cancellationToken);
        return new(LessonOutcome.Found, next?.Slug, completedNow);
    }
}
