using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>
/// Counts per course and status, and the overdue count at the end of each of the last months, from one grouped
/// query: the database groups 50,000 enrollments into a few hundred (course, status, due month, completion month)
/// buckets, and the buckets are added up here.
/// </summary>
public static class OverviewQuery
{
    public const int Months = 12;

    public static async Task<(List<CourseCounts> Counts, List<OverduePoint> Overdue)> RunAsync(
        IQueryable<EnrollmentFact> facts, IReadOnlyList<DashboardCourse> courses, DateTime now, CancellationToken cancellationToken)
    {
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var windowStart = thisMonth.AddMonths(-(Months - 1));
        var windowKey = MonthKey(windowStart);
        var buckets = await facts
            .Select(f => new
            {
                f.CourseItemId,
                f.Status,
                // Month of the due date if it has passed (older ones count from the window's first month on) …
                Due = f.DueAt < now ? (f.DueAt < windowStart ? windowKey : f.DueAt!.Value.Year * 12 + f.DueAt.Value.Month - 1) : (int?)null,
                // … and of the completion (one before the window when it was done before the window began).
                Done = f.CompletedAt == null ? (int?)null
                    : f.CompletedAt < windowStart ? windowKey - 1 : f.CompletedAt.Value.Year * 12 + f.CompletedAt.Value.Month - 1,
            })
            .GroupBy(b => new { b.CourseItemId, b.Status, b.Due, b.Done })
            .Select(g => new { g.Key.CourseItemId, g.Key.Status, g.Key.Due, g.Key.Done, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var counts = courses.Select(c => new CourseCounts(c, buckets.Where(b => b.CourseItemId == c.Id)
            .GroupBy(b => b.Status).ToDictionary(g => g.Key, g => g.Sum(b => b.Count)))).ToList();

        // Overdue at the start of month m+1 (= the end of month m): due in month m or before, not completed before then.
        var points = new List<OverduePoint>();
        for (var month = windowStart; month < thisMonth; month = month.AddMonths(1))
        {
            var key = MonthKey(month);
            var overdue = buckets.Where(b => b.Due <= key && (b.Done is null || b.Done > key)).Sum(b => b.Count);
            points.Add(new OverduePoint(DateOnly.FromDateTime(month.AddMonths(1).AddDays(-1)), overdue));
        }
        points.Add(new OverduePoint(DateOnly.FromDateTime(now), counts.Sum(c => c.Count(ProgressStatus.Overdue))));
        return (counts, points);
    }

    private static int MonthKey(DateTime date) => date.Year * 12 + date.Month - 1;
}
