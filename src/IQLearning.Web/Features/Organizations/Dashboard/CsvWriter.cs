using System.Globalization;
using System.Text;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>RFC 4180 CSV with a byte-order mark (so spreadsheets read it as UTF-8) and formula-looking text neutralised.</summary>
public static class CsvWriter
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) text.Append(',');
            first = false;
            text.Append(Field(cell));
        }
        text.Append("\r\n");
    }

    private static string Field(object? cell)
    {
        var value = cell switch
        {
            null => "",
            int or long or double or decimal => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
            _ => SpreadsheetText.Neutralise(Convert.ToString(cell, CultureInfo.CurrentCulture)),
        };
        return value.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
