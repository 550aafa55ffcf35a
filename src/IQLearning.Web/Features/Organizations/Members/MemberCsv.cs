using IQLearning.Web.Features.Organizations.Model;

namespace IQLearning.Web.Features.Organizations.Members;

public sealed record MemberCsvRow(int Line, string Email, string Name, MemberRole Role);

/// <summary>One problem of an import; <see cref="Code"/> names the text that explains it.</summary>
public sealed record MemberCsvProblem(int Line, string Code, int? OtherLine = null);

public sealed record MemberCsvResult(IReadOnlyList<MemberCsvRow> Rows, IReadOnlyList<MemberCsvProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads a member list (columns email, name, role; comma or semicolon) and checks every row, so one upload reports
/// all problems at once. Pure: no database, so the rules are tested directly.
/// </summary>
public static class MemberCsv
{
    public const int MaxRows = 20_000;
    private static readonly string[] Header = ["email", "name", "role"];

    public static MemberCsvResult Read(string text)
    {
        var records = CsvRecords.Read(text).ToList();
        var problems = new List<MemberCsvProblem>();
        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Header))
            return new MemberCsvResult([], [new MemberCsvProblem(1, "Header")]);
        if (records.Count - 1 > MaxRows)
            return new MemberCsvResult([], [new MemberCsvProblem(records[^1].Line, "TooManyRows")]);
        if (records.Count == 1)
            return new MemberCsvResult([], [new MemberCsvProblem(1, "Empty")]);

        var rows = new List<MemberCsvRow>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != Header.Length) { problems.Add(new(line, "Columns")); continue; }
            var (email, name, roleText) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            var ok = true;
            if (!EmailAddresses.IsValid(email)) { problems.Add(new(line, "Email")); ok = false; }
            else if (firstLineOf.TryGetValue(email, out var first)) { problems.Add(new(line, "Duplicate", first)); ok = false; }
            else firstLineOf[email] = line;
            if (SpreadsheetText.LooksLikeFormula(fields[1])) { problems.Add(new(line, "Formula")); ok = false; }
            else if (name.Length > 200) { problems.Add(new(line, "NameTooLong")); ok = false; }
            if (ParseRole(roleText) is not { } role) { problems.Add(new(line, "Role")); ok = false; }
            else if (ok) rows.Add(new MemberCsvRow(line, email, name, role));
        }
        return new MemberCsvResult(problems.Count == 0 ? rows : [], problems);
    }

    private static MemberRole? ParseRole(string text) => text.ToLowerInvariant() switch
    {
        "member" or "mitglied" => MemberRole.Member,
        "manager" or "führungskraft" => MemberRole.Manager,
        _ => null,
    };
}

/// <summary>RFC 4180 records with quoted fields (which may hold the delimiter, quotes and line breaks).</summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLineEnd = text.IndexOf('\n');
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        // Spreadsheets with a German locale save CSV with semicolons.
        var delimiter = header.Contains(';') && !header.Contains(',') ? ';' : ',';
        var (line, startLine, fields, field, quoted) = (1, 1, new List<string>(), new System.Text.StringBuilder(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString()); field.Clear();
                if (fields.Count > 1 || fields[0].Trim().Length > 0) yield return (startLine, fields);
                fields = []; line++; startLine = line;
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Trim().Length > 0) yield return (startLine, fields);
    }
}
