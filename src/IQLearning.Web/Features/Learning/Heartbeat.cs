using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

/// <summary>Time on task: each beat counts the real time since the previous one, never more than <see cref="CapSeconds"/>.</summary>
public static class TimeOnTask
{
    /// <summary>learning.js beats every 30 s while the page is visible; twice that tolerates a late timer, no more.</summary>
    public const int CapSeconds = 60;

    /// <summary>Seconds a beat at <paramref name="now"/> adds. The first beat only starts the clock; a clock going backwards adds nothing.</summary>
    public static int SecondsToAdd(DateTime? lastBeatAt, DateTime now) =>
        lastBeatAt is not { } last ? 0 : (int)Math.Clamp((now - last).TotalSeconds, 0, CapSeconds);
}

public enum HeartbeatOutcome { Counted, NotFound }

/// <summary>
/// A heartbeat from the lesson player. The client says nothing but which lesson it shows: the server measures the
/// interval itself, so a forged or replayed beat cannot add time that did not pass.
/// </summary>
public sealed class Heartbeat(AppDbContext db, CourseOutlines outlines, LearnerRecords records, TimeProvider clock)
{
    public async Task<HeartbeatOutcome> HandleAsync(string userId, string courseSlug, string lessonSlug, CancellationToken cancellationToken)
    {
        var course = (await outlines.FindAsync(courseSlug, null, cancellationToken))?.Outline;
        if (course?.Lesson(lessonSlug) is not { } lesson) return HeartbeatOutcome.NotFound;
        var enrollment = await records.FindEnrollmentAsync(userId, course.CourseItemId, cancellationToken);
        if (enrollment is null || enrollment.Status == EnrollmentStatus.Left) return HeartbeatOutcome.NotFound;

        var now = clock.GetUtcNow().UtcDateTime;
        var progress = db.LessonProgress.Where(p => p.EnrollmentId == enrollment.Id && p.LessonItemId == lesson.ItemId);
        var last = await progress.AsNoTracking().Select(p => new { p.LastHeartbeatAt }).SingleOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            await LessonProgressRows.EnsureOpenedAsync(db, enrollment.Id, lesson.ItemId, now, cancellationToken);
            await progress.Where(p => p.LastHeartbeatAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastHeartbeatAt, now), cancellationToken);
            return HeartbeatOutcome.Counted;
        }
        var seconds = TimeOnTask.SecondsToAdd(last.LastHeartbeatAt, now);
        // Conditional on the beat we measured from: of two beats at once, one counts and the other adds nothing.
        await progress.Where(p => p.LastHeartbeatAt == last.LastHeartbeatAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.SecondsOnTask, p => p.SecondsOnTask + seconds)
                .SetProperty(p => p.LastHeartbeatAt, now), cancellationToken);
        return HeartbeatOutcome.Counted;
    }
}
