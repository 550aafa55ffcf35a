using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

/// <summary>
/// Writes to a learner's progress row without reading it first. Inserts use ON CONFLICT DO NOTHING (SQLite and
/// PostgreSQL alike) rather than catching a key violation, because on PostgreSQL a failed statement would abort the
/// surrounding transaction; two tabs opening the same lesson therefore both succeed and leave one row.
/// </summary>
internal static class LessonProgressRows
{
    public static Task EnsureOpenedAsync(AppDbContext db, int enrollmentId, int lessonItemId, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "LessonProgress" ("EnrollmentId", "LessonItemId", "FirstOpenedAt", "SecondsOnTask")
            VALUES ({enrollmentId}, {lessonItemId}, {now}, 0) ON CONFLICT DO NOTHING
            """, cancellationToken);

    /// <summary>Marks the lesson done once; a second call keeps the first time (the button is idempotent).</summary>
    public static async Task MarkDoneAsync(AppDbContext db, int enrollmentId, int lessonItemId, DateTime now, CancellationToken cancellationToken)
    {
        var updated = await db.LessonProgress
            .Where(p => p.EnrollmentId == enrollmentId && p.LessonItemId == lessonItemId && p.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, now), cancellationToken);
        if (updated == 0)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "LessonProgress" ("EnrollmentId", "LessonItemId", "FirstOpenedAt", "CompletedAt", "SecondsOnTask")
                VALUES ({enrollmentId}, {lessonItemId}, {now}, {now}, 0) ON CONFLICT DO NOTHING
                """, cancellationToken);
    }

    /// <summary>Remembers the lesson to resume at, only when it changed, so re-reading a lesson writes nothing.</summary>
    public static Task RememberLessonAsync(AppDbContext db, int enrollmentId, int lessonItemId, DateTime now, CancellationToken cancellationToken) =>
        db.Enrollments.Where(e => e.Id == enrollmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonItemId, lessonItemId).SetProperty(e => e.LastActivityAt, now), cancellationToken);
}
