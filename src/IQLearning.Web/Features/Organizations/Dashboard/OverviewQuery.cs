using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>
/// Counts per course and status, and how many enrollments were overdue at the end of each of the last eleven
/// months, from one grouped query: the database reads the organization's enrollments once and returns one row per
/// course and status, each with its counts. (Grouping by due and completion month as well made a thousand groups
/// and cost half as much again.)
/// </summary>
public static class OverviewQuery
{
    public const int Months = 12;

    public static async Task<(List<CourseCounts> Counts, List<OverduePoint> Overdue)> RunAsync(
        IQueryable<EnrollmentFact> facts, IReadOnlyList<DashboardCourse> courses, DateTime now, CancellationToken cancellationToken)
    {
        // The starts of the next eleven months after each month end: overdue "at the end of May" is "due before 1 June".
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var (m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10) = (thisMonth.AddMonths(-10), thisMonth.AddMonths(-9), thisMonth.AddMonths(-8),
            thisMonth.AddMonths(-7), thisMonth.AddMonths(-6), thisMonth.AddMonths(-5), thisMonth.AddMonths(-4), thisMonth.AddMonths(-3),
            thisMonth.AddMonths(-2), thisMonth.AddMonths(-1), thisMonth);
        var groups = await facts.GroupBy(f => new { f.CourseItemId, f.Status }).Select(g => new
        {
            g.Key.CourseItemId, g.Key.Status, Count = g.Count(),
            O0 = g.Count(f => f.DueAt < m0 && (f.CompletedAt == null || f.CompletedAt >= m0)),
            O1 = g.Count(f => f.DueAt < m1 && (f.CompletedAt == null || f.CompletedAt >= m1)),
            O2 = g.Count(f => f.DueAt < m2 && (f.CompletedAt == null || f.CompletedAt >= m2)),
            O3 = g.Count(f => f.DueAt < m3 && (f.CompletedAt == null || f.CompletedAt >= m3)),
            O4 = g.Count(f => f.DueAt < m4 && (f.CompletedAt == null || f.CompletedAt >= m4)),
            O5 = g.Count(f => f.DueAt < m5 && (f.CompletedAt == null || f.CompletedAt >= m5)),
            O6 = g.Count(f => f.DueAt < m6 && (f.CompletedAt == null || f.CompletedAt >= m6)),
            O7 = g.Count(f => f.DueAt < m7 && (f.CompletedAt == null || f.CompletedAt >= m7)),
            O8 = g.Count(f => f.DueAt < m8 && (f.CompletedAt == null || f.CompletedAt >= m8)),
            O9 = g.Count(f => f.DueAt < m9 && (f.CompletedAt == null || f.CompletedAt >= m9)),
            O10 = g.Count(f => f.DueAt < m10 && (f.CompletedAt == null || f.CompletedAt >= m10)),
        }).ToListAsync(cancellationToken);

        var counts = courses.Select(c => new CourseCounts(c, groups.Where(g => g.CourseItemId == c.Id)
            .GroupBy(g => g.Status).ToDictionary(s => s.Key, s => s.Sum(g => g.Count)))).ToList();
        var monthly = new[]
        {
            groups.Sum(g => g.O0), groups.Sum(g => g.O1), groups.Sum(g => g.O2), groups.Sum(g => g.O3), groups.Sum(g => g.O4),
            groups.Sum(g => g.O5), groups.Sum(g => g.O6), groups.Sum(g => g.O7), groups.Sum(g => g.O8), groups.Sum(g => g.O9), groups.Sum(g => g.O10),
        };
        var points = monthly.Select((count, i) => new OverduePoint(DateOnly.FromDateTime(thisMonth.AddMonths(i - 10).AddDays(-1)), count)).ToList();
        points.Add(new OverduePoint(DateOnly.FromDateTime(now), counts.Sum(c => c.Count(ProgressStatus.Overdue))));
        return (counts, points);
    }
}
