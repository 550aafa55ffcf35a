using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>Where a member stands in an assigned course, as the dashboard and the exports show it.</summary>
public enum ProgressStatus { NotStarted, InProgress, Completed, Overdue, Expired }

/// <summary>One enrollment reduced to what reports need; composed into SQL, never loaded whole.</summary>
public sealed class EnrollmentFact
{
    public int EnrollmentId { get; init; }
    public required string UserId { get; init; }
    public int CourseItemId { get; init; }
    public ProgressStatus Status { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? CompletedAt { get; init; }
}

public static class EnrollmentFacts
{
    /// <summary>
    /// The enrollments the organization's assignments made or took over, of people who are still members. A course
    /// a member chose on their own stays private. Read through the AssignmentId index: the rows of one assignment
    /// lie close together, which on 10,000 members is twice as fast as going member by member.
    /// </summary>
    public static IQueryable<EnrollmentFact> OfOrganization(AppDbContext db, int organizationId, DateTime now) =>
        Project(db, AssignedBy(db, organizationId)
            .Where(e => db.OrganizationMembers.Any(m => m.OrganizationId == organizationId && m.UserId == e.UserId)), now);

    /// <summary>Enrollments that count for one of the organization's assignments.</summary>
    public static IQueryable<Enrollment> AssignedBy(AppDbContext db, int organizationId)
    {
        var assignments = db.Assignments.Where(a => a.OrganizationId == organizationId).Select(a => (int?)a.Id);
        return db.Enrollments.Where(e => e.Source == EnrollmentSource.Assignment && assignments.Contains(e.AssignmentId));
    }

    /// <summary>
    /// Only the enrollments whose stored status allows the given one (completed or expired needs a completion; the
    /// others need none): a test on an indexed column that spares the certificate lookup of rows that cannot match.
    /// </summary>
    public static IQueryable<Enrollment> CouldBe(IQueryable<Enrollment> enrollments, ProgressStatus status) =>
        status is ProgressStatus.Completed or ProgressStatus.Expired
            ? enrollments.Where(e => e.Status == EnrollmentStatus.Completed)
            : enrollments.Where(e => e.Status != EnrollmentStatus.Completed);

    /// <summary>
    /// Status rules, in order: completed — unless its newest certificate has expired; overdue once the due day is over
    /// (a due date is a whole day); in progress after the first activity; otherwise not started.
    /// </summary>
    public static IQueryable<EnrollmentFact> Project(AppDbContext db, IQueryable<Enrollment> enrollments, DateTime now)
    {
        var today = now.Date;
        return enrollments.Select(e => new EnrollmentFact
        {
            EnrollmentId = e.Id,
            UserId = e.UserId,
            CourseItemId = e.CourseItemId,
            DueAt = e.DueAt,
            CompletedAt = e.CompletedAt,
            // Only the newest certificate counts: after a recertification the old one expires on its own.
            Status = e.Status == EnrollmentStatus.Completed
                ? db.Certificates.Where(c => c.EnrollmentId == e.Id && c.RevokedAt == null).OrderByDescending(c => c.IssuedAt)
                    .Select(c => c.ExpiresAt).FirstOrDefault() <= now
                    ? ProgressStatus.Expired : ProgressStatus.Completed
                : e.DueAt < today ? ProgressStatus.Overdue
                : e.LastActivityAt != null ? ProgressStatus.InProgress
                : ProgressStatus.NotStarted,
        });
    }
}
