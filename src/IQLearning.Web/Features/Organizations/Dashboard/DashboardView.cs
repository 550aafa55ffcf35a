namespace IQLearning.Web.Features.Organizations.Dashboard;

public sealed record DashboardCourse(int Id, string Title, int Lessons);

public sealed record CourseCounts(DashboardCourse Course, IReadOnlyDictionary<ProgressStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
    public int Count(ProgressStatus status) => ByStatus.GetValueOrDefault(status);
    public int CompletionPercent => Total == 0 ? 0 : (int)Math.Round(100.0 * Count(ProgressStatus.Completed) / Total);
}

public sealed record OverduePoint(DateOnly At, int Count);

/// <summary>One member × course cell of the table.</summary>
public sealed record CourseCell(ProgressStatus Status, int ProgressPercent, DateTime? DueAt, string? CertificateNumber, string? VerificationUrl);

public sealed record MemberLine(string UserId, string Name, string Email, IReadOnlyDictionary<int, CourseCell> Cells);

/// <summary>Counts of an organization in a regional network, as its coordinators see them: numbers, no people.</summary>
public sealed record NetworkOrganization(int Id, string Name, Model.OrganizationKind Kind, int Members, int Assigned, int Completed, int Overdue);

public sealed record DashboardView(
    ManagedOrganization Organization,
    DashboardFilter Filter,
    IReadOnlyList<DashboardCourse> Courses,
    IReadOnlyList<CourseCounts> Counts,
    IReadOnlyList<OverduePoint> OverdueOverTime,
    int MemberCount,
    int MatchingMembers,
    int PageCount,
    IReadOnlyList<MemberLine> Members,
    IReadOnlyList<NetworkOrganization> Network)
{
    public IEnumerable<DashboardCourse> ShownCourses => Courses.Where(c => Filter.Course is null || c.Id == Filter.Course);
    public int Total(ProgressStatus status) => Counts.Sum(c => c.Count(status));
}
