using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Assignments;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Dashboard;

public sealed class MemberKey
{
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
}

/// <summary>The members × courses table: members filtered and paged in SQL, then the cells of the visible page only.</summary>
public static class MemberTable
{
    public static IQueryable<MemberKey> Filter(AppDbContext db, int organizationId, DashboardFilter filter, DateTime now)
    {
        var memberships = db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (filter.Course is not null || filter.EffectiveStatus is not null)
        {
            // "Members with a matching enrollment" as one list (IN), not a lookup per member (EXISTS): the list comes from
            // the covering report index — with a course, from that course's range only — so on 10,000 members a course
            // filter reads 10,000 index entries instead of 10,000 members' enrollment rows (2.5 times faster).
            var enrollments = EnrollmentFacts.AssignedBy(db, organizationId);
            if (filter.Course is { } course) enrollments = enrollments.Where(e => e.CourseItemId == course);
            if (filter.EffectiveStatus is { } status) enrollments = EnrollmentFacts.CouldBe(enrollments, status);
            var wanted = filter.EffectiveStatus;
            var matching = EnrollmentFacts.Project(db, enrollments, now).Where(f => wanted == null || f.Status == wanted).Select(f => f.UserId);
            memberships = memberships.Where(m => matching.Contains(m.UserId));
        }
        var members = memberships.Join(db.Users, m => m.UserId, u => u.Id,
            (m, u) => new MemberKey { UserId = u.Id, Name = u.DisplayName, Email = u.Email ?? "" });
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = MemberSearch.LikePattern(filter.Q);
            members = members.Where(m => EF.Functions.Like(m.Name, pattern, "\\") || EF.Functions.Like(m.Email, pattern, "\\"));
        }
        return members;
    }

    public static IQueryable<MemberKey> Ordered(IQueryable<MemberKey> members) => members.OrderBy(m => m.Name).ThenBy(m => m.UserId);

    public static async Task<List<MemberLine>> PageAsync(AppDbContext db, int organizationId, IQueryable<MemberKey> members,
        IReadOnlyList<DashboardCourse> courses, int page, int size, DateTime now, CancellationToken cancellationToken) =>
        await LinesAsync(db, organizationId, await Ordered(members).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken),
            courses, now, cancellationToken);

    /// <summary>The table lines of the given members: their cells from one query.</summary>
    public static async Task<List<MemberLine>> LinesAsync(AppDbContext db, int organizationId, IReadOnlyList<MemberKey> keys,
        IReadOnlyList<DashboardCourse> courses, DateTime now, CancellationToken cancellationToken)
    {
        var userIds = keys.Select(k => k.UserId).ToList();
        var cells = await CellsAsync(db, EnrollmentFacts.AssignedBy(db, organizationId).Where(e => userIds.Contains(e.UserId)), now, cancellationToken);
        var lessons = courses.ToDictionary(c => c.Id, c => c.Lessons);
        return keys.Select(k => new MemberLine(k.UserId, k.Name, k.Email, cells.Where(c => c.UserId == k.UserId)
            .ToDictionary(c => c.CourseItemId, c => c.ToCell(lessons.GetValueOrDefault(c.CourseItemId))))).ToList();
    }

    /// <summary>Status, progress and certificate of each given enrollment.</summary>
    public static Task<List<CellFacts>> CellsAsync(AppDbContext db, IQueryable<Enrollment> enrollments, DateTime now, CancellationToken cancellationToken) =>
        EnrollmentFacts.Project(db, enrollments, now)
            .Select(f => new CellFacts
            {
                UserId = f.UserId, CourseItemId = f.CourseItemId, Status = f.Status, DueAt = f.DueAt, CompletedAt = f.CompletedAt,
                LessonsDone = db.LessonProgress.Count(p => p.EnrollmentId == f.EnrollmentId && p.CompletedAt != null),
                CertificateNumber = db.Certificates.Where(c => c.EnrollmentId == f.EnrollmentId && c.RevokedAt == null)
                    .OrderByDescending(c => c.IssuedAt).Select(c => c.Number).FirstOrDefault(),
                VerificationUrl = db.Certificates.Where(c => c.EnrollmentId == f.EnrollmentId && c.RevokedAt == null)
                    .OrderByDescending(c => c.IssuedAt).Select(c => c.VerificationUrl).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
}

public sealed class CellFacts
{
    public required string UserId { get; init; }
    public int CourseItemId { get; init; }
    public ProgressStatus Status { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int LessonsDone { get; init; }
    public string? CertificateNumber { get; init; }
    public string? VerificationUrl { get; init; }

    public int ProgressPercent(int lessons) =>
        Status is ProgressStatus.Completed or ProgressStatus.Expired ? 100
        : lessons == 0 ? 0 : Math.Min(100, (int)Math.Round(100.0 * LessonsDone / lessons));

    public CourseCell ToCell(int lessons) => new(Status, ProgressPercent(lessons), DueAt, CertificateNumber, VerificationUrl);
}
