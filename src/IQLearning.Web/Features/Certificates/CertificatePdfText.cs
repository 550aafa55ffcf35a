using PdfSharp.Drawing;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Fits the variable parts of a certificate (names, titles, outcomes, the URL) into their boxes. PDFsharp draws a
/// string on one line and clips nothing, so without this a long course title would run off the page.
/// </summary>
internal static class CertificatePdfText
{
    public sealed record FittedText(XFont Font, List<string> Lines, bool IsCut);

    private const string Ellipsis = "…";

    /// <summary>Breaks <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/>.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>
    /// The largest font between <paramref name="maxSize"/> and <paramref name="minSize"/> at which the text needs
    /// at most <paramref name="maxLines"/> lines; at the smallest size, the lines that do not fit are cut with "…".
    /// </summary>
    public static FittedText Fit(
        XGraphics gfx, string text, string family, XFontStyleEx style, double maxSize, double minSize, double width, int maxLines)
    {
        for (var size = maxSize; size > minSize; size -= 1)
        {
            var font = new XFont(family, size, style);
            var lines = FitWithin(gfx, text, font, width);
            if (lines.Count <= maxLines) return new FittedText(font, lines, IsCut: false);
        }
        var smallest = new XFont(family, minSize, style);
        var all = FitWithin(gfx, text, smallest, width);
        return new FittedText(smallest, Truncate(gfx, all, smallest, width, maxLines), IsCut: all.Count > maxLines);
    }

    /// <summary>Cuts <paramref name="lines"/> to <paramref name="maxLines"/>, marking the cut with "…".</summary>
    public static List<string> Truncate(XGraphics gfx, List<string> lines, XFont font, double width, int maxLines)
    {
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && gfx.MeasureString(last + Ellipsis, font).Width > width)
            last = last[..^1];
        kept[^1] = last.TrimEnd() + Ellipsis;
        return kept;
    }

    // Wrap, and also break a single word wider than the box (a URL has no spaces) by characters.
    private static List<string> FitWithin(XGraphics gfx, string text, XFont font, double width) =>
        Wrap(gfx, text, font, width).SelectMany(line => BreakLongWord(gfx, line, font, width)).ToList();

    private static IEnumerable<string> BreakLongWord(XGraphics gfx, string line, XFont font, double width)
    {
        while (line.Length > 1 && gfx.MeasureString(line, font).Width > width)
        {
            var take = line.Length - 1;
            while (take > 1 && gfx.MeasureString(line[..take], font).Width > width) take--;
            yield return line[..take];
            line = line[take..];
        }
        yield return line;
    }
}
