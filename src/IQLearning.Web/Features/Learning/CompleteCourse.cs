using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

/// <summary>
/// Decides completion the moment a step is done, inside the caller's DbContext and transaction, so a completion and
/// what follows from it (a certificate) are stored together or not at all.
/// </summary>
public sealed class CompleteCourse(
    AppDbContext db, CourseOutlines outlines, LearnerRecords records, IEnumerable<ICourseCompletedHandler> completedHandlers,
    TimeProvider clock, ILogger<CompleteCourse> logger) : ICourseStepHandler
{
    public async Task HandleAsync(CourseStepCompleted step, CancellationToken cancellationToken)
    {
        // The step that raised this (a submitted attempt, say) may still sit in the change tracker; the rules read
        // the database, so it is written first — still inside the caller's transaction.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);

        var enrollment = await records.FindEnrollmentAsync(step.UserId, step.CourseItemId, cancellationToken);
        if (enrollment is not { Status: EnrollmentStatus.Active }) return;
        var outline = await outlines.FindAsync(step.CourseItemId, cancellationToken);
        if (outline is null) return;
        var record = await records.ReadAsync(step.UserId, enrollment.Id, outline.StepItemIds, cancellationToken);
        if (!CompletionRules.Completes(enrollment.Status, outline.Requirements, record.Record)) return;

        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional on Status = Active: of two steps that race, exactly one flips the row and raises the event.
        var flipped = await db.Enrollments
            .Where(e => e.Id == enrollment.Id && e.Status == EnrollmentStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EnrollmentStatus.Completed)
                .SetProperty(e => e.CompletedAt, now)
                .SetProperty(e => e.CompletedVersionId, outline.VersionId), cancellationToken);
        if (flipped != 1) return;

        logger.LogInformation("Enrollment {EnrollmentId} completed on course version {VersionId}.", enrollment.Id, outline.VersionId);
        var completed = new CourseCompleted(enrollment.Id, step.UserId, step.CourseItemId, outline.VersionId, now);
        foreach (var handler in completedHandlers) await handler.HandleAsync(completed, cancellationToken);
    }
}
