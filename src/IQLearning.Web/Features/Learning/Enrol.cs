using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

public enum EnrolOutcome { Enrolled, AlreadyEnrolled, Reactivated, NotFound }

public sealed record EnrolResult(EnrolOutcome Outcome, string? CourseSlug = null);

/// <summary>
/// Self-enrolment. One row per learner and course: a second post finds the row, and two posts at once are told
/// apart by the unique index on (UserId, CourseItemId). Enrolling again after leaving re-activates the same row,
/// so the lessons done before are kept.
/// </summary>
public sealed class Enrol(AppDbContext db, IEnumerable<ICourseStepHandler> stepHandlers, TimeProvider clock)
{
    public async Task<EnrolResult> HandleAsync(string userId, int courseItemId, CancellationToken cancellationToken)
    {
        var slug = await db.ContentItems.AsNoTracking()
            .Where(i => i.Id == courseItemId && i.Kind == ContentKind.Course && !i.Archived && i.PublishedVersionId != null)
            .Select(i => i.Slug).SingleOrDefaultAsync(cancellationToken);
        if (slug is null) return new EnrolResult(EnrolOutcome.NotFound);

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Enrollments.SingleOrDefaultAsync(e => e.UserId == userId && e.CourseItemId == courseItemId, cancellationToken);
        if (existing is not null) return await ReactivateAsync(existing, slug, now, cancellationToken);

        var enrollment = new Enrollment
        {
            UserId = userId, CourseItemId = courseItemId, Source = EnrollmentSource.Self, Status = EnrollmentStatus.Active,
            EnrolledAt = now, LastActivityAt = now,
        };
        db.Enrollments.Add(enrollment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EnrolResult(EnrolOutcome.Enrolled, slug);
        }
        catch (DbUpdateException)
        {
            // A concurrent post (a double click) inserted the row first; the learner is enrolled once, as intended.
            db.Entry(enrollment).State = EntityState.Detached;
            if (await db.Enrollments.AnyAsync(e => e.UserId == userId && e.CourseItemId == courseItemId, cancellationToken))
                return new EnrolResult(EnrolOutcome.AlreadyEnrolled, slug);
            throw;
        }
    }

    private async Task<EnrolResult> ReactivateAsync(Enrollment existing, string slug, DateTime now, CancellationToken cancellationToken)
    {
        if (existing.Status != EnrollmentStatus.Left) return new EnrolResult(EnrolOutcome.AlreadyEnrolled, slug);
        existing.Status = EnrollmentStatus.Active;
        existing.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        // Everything may already be done (or the test passed while away): decide now rather than at the next lesson.
        foreach (var handler in stepHandlers)
            await handler.HandleAsync(new CourseStepCompleted(existing.UserId, existing.CourseItemId), cancellationToken);
        return new EnrolResult(EnrolOutcome.Reactivated, slug);
    }
}
