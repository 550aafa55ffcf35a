using System.Globalization;

namespace IQLearning.Bench;

/// <summary>Wall-clock times of one measured step, in milliseconds, with the statistics we report.</summary>
internal sealed class Timings(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Runs the step once, adds its wall-clock time and returns it.</summary>
    public TimeSpan Measure(Action step)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        step();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        Add(elapsed);
        return elapsed;
    }

    public double Median => Percentile(50);
    public double P95 => Percentile(95);

    /// <summary>Nearest-rank percentile: a value that was actually measured, no interpolation.</summary>
    public double Percentile(int percent)
    {
        if (_milliseconds.Count == 0) throw new InvalidOperationException($"No timings for {Name}.");
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"{Name,-50} {Median,9:F2} ms {P95,9:F2} ms");
}
