namespace IQLearning.Web.Features.Content.Authoring;

public enum DiffKind { Same, Removed, Added }

public sealed record DiffLine(DiffKind Kind, string Text, int? OldNumber, int? NewNumber);

/// <summary>A line diff between two versions (longest common subsequence), readable without colour: each line is marked.</summary>
public static class TextDiff
{
    private const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Lines(string older, string newer)
    {
        var a = Split(older);
        var b = Split(newer);
        if ((long)a.Length * b.Length > MaxCells) return Replace(a, b); // too large to align: show as replaced
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { result.Add(new(DiffKind.Same, a[x], x + 1, y + 1)); x++; y++; }
            // On a tie the removed line comes first, as in unified diffs.
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { result.Add(new(DiffKind.Removed, a[x], x + 1, null)); x++; }
            else { result.Add(new(DiffKind.Added, b[y], null, y + 1)); y++; }
        }
        return result;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');

    private static List<DiffLine> Replace(string[] a, string[] b) =>
        [.. a.Select((t, i) => new DiffLine(DiffKind.Removed, t, i + 1, null)), .. b.Select((t, i) => new DiffLine(DiffKind.Added, t, null, i + 1))];
}
