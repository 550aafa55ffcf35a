using System.Buffers;
using System.Globalization;
using System.Text;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>RFC 4180 CSV with a byte-order mark (so spreadsheets read it as UTF-8) and formula-looking text neutralised.</summary>
public static class CsvWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n;");

    /// <summary>Written straight into the buffer that is returned: no intermediate string of the whole file (50,000 rows are several MB).</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true))
        {
            Line(text, header);
            foreach (var row in rows) Line(text, row);
        }
        return buffer.ToArray();
    }

    private static void Line(TextWriter text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) text.Write(',');
            first = false;
            Field(text, cell);
        }
        text.Write("\r\n");
    }

    private static void Field(TextWriter text, object? cell)
    {
        var value = cell switch
        {
            null => "",
            int or long or double or decimal => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
            _ => SpreadsheetText.Neutralise(Convert.ToString(cell, CultureInfo.CurrentCulture)),
        };
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0) text.Write(value);
        else text.Write("\"" + value.Replace("\"", "\"\"") + "\"");
    }
}
