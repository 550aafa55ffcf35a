using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

public enum LeaveOutcome { Left, NotFound, NotAllowed }

/// <summary>
/// Leaving a self-enrolled course: the row stays (status Left) with its progress, so enrolling again resumes.
/// A course an organization assigned as mandatory cannot be left; a completed one has nothing left to leave.
/// </summary>
public sealed class Leave(AppDbContext db, LearnerRecords records, TimeProvider clock)
{
    public async Task<LeaveOutcome> HandleAsync(string userId, int enrollmentId, CancellationToken cancellationToken)
    {
        // Filtered by the learner: another learner's enrollment id is simply not found.
        var enrollment = await records.FindEnrollmentByIdAsync(userId, enrollmentId, cancellationToken);
        if (enrollment is null) return LeaveOutcome.NotFound;
        if (!enrollment.MayLeave) return LeaveOutcome.NotAllowed;
        var now = clock.GetUtcNow().UtcDateTime;
        var left = await db.Enrollments
            .Where(e => e.Id == enrollmentId && e.UserId == userId && e.Status == EnrollmentStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Left).SetProperty(e => e.LastActivityAt, now), cancellationToken);
        // Zero rows: the course was completed in the meantime, which leaving must not undo.
        return left == 1 ? LeaveOutcome.Left : LeaveOutcome.NotAllowed;
    }
}
