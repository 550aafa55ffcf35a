using System.Globalization;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>One bar of a chart in SVG user units, with the text printed beside it.</summary>
public sealed record ChartBar(string Label, string Value, double X, double Y, double Width, double Height);

/// <summary>A chart drawn as inline SVG: no script, and a text alternative plus a table beside it on the page.</summary>
public sealed record SvgChart(string Id, double Width, double Height, IReadOnlyList<ChartBar> Bars, string Description);

/// <summary>The geometry of the dashboard's two charts; pure arithmetic, so the view only prints numbers.</summary>
public static class DashboardCharts
{
    private const double Width = 640;
    private const double TrackWidth = 520;
    private const double RowHeight = 46;

    /// <summary>Horizontal bars: the share of members who completed each course.</summary>
    public static SvgChart CompletionPerCourse(IReadOnlyList<CourseCounts> counts, Func<CourseCounts, string> describe)
    {
        var bars = counts.Select((c, i) => new ChartBar(
            Shorten(c.Course.Title), $"{c.CompletionPercent} %", 0, i * RowHeight + 20, TrackWidth * c.CompletionPercent / 100.0, 18)).ToList();
        return new SvgChart("chart-completion", Width, Math.Max(1, counts.Count) * RowHeight + 4, bars, string.Join("; ", counts.Select(describe)));
    }

    /// <summary>Columns: how many enrollments were overdue at the end of each month, and today.</summary>
    public static SvgChart OverdueOverTime(IReadOnlyList<OverduePoint> points, string todayLabel, Func<OverduePoint, string, string> describe)
    {
        const double plotTop = 20, plotHeight = 170;
        var max = Math.Max(1, points.Max(p => p.Count));
        var slot = Width / points.Count;
        var bars = points.Select((p, i) =>
        {
            var label = i == points.Count - 1 ? todayLabel : p.At.ToString("MM/yy", CultureInfo.InvariantCulture);
            var height = plotHeight * p.Count / max;
            return new ChartBar(label, p.Count.ToString(CultureInfo.CurrentCulture), i * slot + slot * 0.15, plotTop + plotHeight - height, slot * 0.7, height);
        }).ToList();
        return new SvgChart("chart-overdue", Width, plotTop + plotHeight + 30, bars,
            string.Join("; ", points.Select((p, i) => describe(p, bars[i].Label))));
    }

    private static string Shorten(string title) => title.Length <= 70 ? title : title[..69] + "…";
}
