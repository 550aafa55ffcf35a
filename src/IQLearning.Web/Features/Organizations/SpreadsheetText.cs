namespace IQLearning.Web.Features.Organizations;

/// <summary>
/// CSV/formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return that
/// hides one) as a formula. Exports put an apostrophe in front, which spreadsheets show as text; imports refuse such names.
/// </summary>
public static class SpreadsheetText
{
    public static bool LooksLikeFormula(string? text)
    {
        var start = text?.TrimStart(' ');
        return !string.IsNullOrEmpty(start) && start[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    public static string Neutralise(string? text) => LooksLikeFormula(text) ? "'" + text : text ?? "";
}
