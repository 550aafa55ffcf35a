using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Assignments;

/// <summary>
/// Turns an assignment into enrollments: one per learner and course (the enrollment table allows no second), so an
/// existing enrollment — self-chosen or from an earlier assignment — is taken over: it now counts for the assignment
/// and carries the newest due date. Progress and completion are kept. The caller saves.
/// </summary>
public sealed class AssignmentEnrollments(AppDbContext db, TimeProvider clock, IOptions<OrganizationsOptions> options)
{
    private const int Chunk = 500;

    public async Task<int> ApplyAsync(Assignment assignment, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = new Dictionary<string, Enrollment>();
        foreach (var chunk in userIds.Chunk(Chunk))
            foreach (var e in await db.Enrollments
                         .Where(e => e.CourseItemId == assignment.CourseItemId && chunk.Contains(e.UserId)).ToListAsync(cancellationToken))
                existing[e.UserId] = e;
        foreach (var userId in userIds)
        {
            if (!existing.TryGetValue(userId, out var enrollment))
                db.Enrollments.Add(enrollment = new Enrollment { UserId = userId, CourseItemId = assignment.CourseItemId, EnrolledAt = now });
            TakeOver(enrollment, assignment, assignment.DueAt);
        }
        return userIds.Count;
    }

    /// <summary>Members who join later get the organization's "all members" assignments, with time to do them.</summary>
    public async Task EnrollNewMembersAsync(int organizationId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return;
        // The newest assignment of each course decides, as it does for members who were there when it was made.
        var assignments = (await db.Assignments.Where(a => a.OrganizationId == organizationId && a.AllMembers)
                .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken))
            .DistinctBy(a => a.CourseItemId).ToList();
        if (assignments.Count == 0) return;
        var courseIds = assignments.Select(a => a.CourseItemId).ToList();
        var existing = new Dictionary<(string, int), Enrollment>();
        foreach (var chunk in userIds.Chunk(Chunk))
            foreach (var e in await db.Enrollments.Where(e => chunk.Contains(e.UserId) && courseIds.Contains(e.CourseItemId)).ToListAsync(cancellationToken))
                existing[(e.UserId, e.CourseItemId)] = e;
        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = now.Date.AddDays(options.Value.GraceDays);
        foreach (var userId in userIds)
            foreach (var assignment in assignments)
            {
                if (!existing.TryGetValue((userId, assignment.CourseItemId), out var enrollment))
                    db.Enrollments.Add(enrollment = new Enrollment { UserId = userId, CourseItemId = assignment.CourseItemId, EnrolledAt = now });
                TakeOver(enrollment, assignment, assignment.DueAt < earliest ? earliest : assignment.DueAt);
            }
    }

    private static void TakeOver(Enrollment enrollment, Assignment assignment, DateTime dueAt)
    {
        enrollment.Source = EnrollmentSource.Assignment;
        enrollment.AssignmentId = assignment.Id;
        enrollment.DueAt = dueAt;
        if (enrollment.Status == EnrollmentStatus.Left) enrollment.Status = EnrollmentStatus.Active;
    }
}
