using System.ComponentModel.DataAnnotations;
using System.Text;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>One person to certify, from data row <see cref="Row"/> (the header is row 1).</summary>
public sealed record BulkRow(int Row, string Email, string Name);

/// <summary>Why row <see cref="Row"/> was refused; <see cref="ReasonKey"/> is a text key, <see cref="Detail"/> its argument.</summary>
public sealed record BulkRowError(int Row, string ReasonKey, string? Detail = null);

/// <summary>
/// Reads the bulk-issue list: a header <c>email,name</c> (or with semicolons, as German spreadsheets save CSV), one person
/// a row, quotes as in RFC 4180. Every row is checked before anything is issued, and every problem is reported.
/// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are refused, so the list — and any export made
/// from the certificates later — cannot carry CSV injection.
/// </summary>
public static class CertificateCsv
{
    public const int MaxRows = 500;
    private static readonly EmailAddressAttribute EmailRule = new();

    public static (IReadOnlyList<BulkRow> Rows, IReadOnlyList<BulkRowError> Errors) Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var records = Records(text, Delimiter(text), out var unterminatedAt);
        var errors = new List<BulkRowError>();
        if (records.Count == 0 || !IsHeader(records[0].Fields))
            return ([], [new BulkRowError(1, "Certificates.Bulk.Error.Header")]);

        var rows = new List<BulkRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue; // blank lines, e.g. at the end of the file
            var rowErrors = Check(row, fields, seen);
            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0) rows.Add(new BulkRow(row, fields[0].Trim(), fields[1].Trim()));
        }
        if (unterminatedAt is { } at) errors.Add(new BulkRowError(at, "Certificates.Bulk.Error.Quote"));
        if (rows.Count + errors.Count == 0) errors.Add(new BulkRowError(2, "Certificates.Bulk.Error.Empty"));
        if (rows.Count > MaxRows) errors.Add(new BulkRowError(MaxRows + 2, "Certificates.Bulk.Error.TooMany", MaxRows.ToString()));
        return (rows, errors.OrderBy(e => e.Row).ToList());
    }

    private static List<BulkRowError> Check(int row, IReadOnlyList<string> fields, Dictionary<string, int> seen)
    {
        if (fields.Count != 2) return [new BulkRowError(row, "Certificates.Bulk.Error.Fields", fields.Count.ToString())];
        var errors = new List<BulkRowError>();
        var (email, name) = (fields[0].Trim(), fields[1].Trim());
        if (LooksLikeFormula(fields[0]) || LooksLikeFormula(fields[1])) errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.Formula"));
        if (email.Length == 0) errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.EmailMissing"));
        else if (email.Length > 254 || !EmailRule.IsValid(email) || email.Any(char.IsWhiteSpace))
            errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.EmailInvalid", email));
        else if (!seen.TryAdd(email, row)) errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.Duplicate", seen[email].ToString()));
        if (name.Length == 0) errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.NameMissing"));
        else if (name.Length > 200) errors.Add(new BulkRowError(row, "Certificates.Bulk.Error.NameTooLong", "200"));
        return errors;
    }

    internal static bool LooksLikeFormula(string cell) =>
        cell.Length > 0 && ("=+-@\t\r".Contains(cell[0]) || (cell.TrimStart() is { Length: > 0 } trimmed && "=+-@".Contains(trimmed[0])));

    private static bool IsHeader(IReadOnlyList<string> fields) =>
        fields.Count == 2 && fields[0].Trim().Equals("email", StringComparison.OrdinalIgnoreCase)
        && fields[1].Trim().Equals("name", StringComparison.OrdinalIgnoreCase);

    // The header decides: "email;name" is how a German spreadsheet saves CSV.
    private static char Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Contains(';') && !header.Contains(',') ? ';' : ',';
    }

    /// <summary>RFC 4180 records with their row numbers; a quote left open is reported with the row it opened in.</summary>
    private static List<(int Row, List<string> Fields)> Records(string text, char delimiter, out int? unterminatedAt)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (inQuotes, row, startRow) = (false, 1, 1);
        unterminatedAt = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else { if (c == '\n') row++; field.Append(c); }
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                records.Add((startRow, fields)); fields = [];
                startRow = ++row;
            }
            else field.Append(c);
        }
        if (inQuotes) unterminatedAt = startRow;
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add((startRow, fields)); }
        return records;
    }
}
