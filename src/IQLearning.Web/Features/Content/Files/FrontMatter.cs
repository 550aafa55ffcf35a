namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// A Markdown file split into its YAML front matter and its body. <see cref="LineOffset"/> turns a line of the
/// YAML text into a line of the file (the YAML starts on line 2, after the opening <c>---</c>).
/// </summary>
internal sealed record FrontMatter(string Yaml, string Body, int LineOffset, int BodyFirstLine)
{
    private const string Fence = "---";

    public static FrontMatter? Split(string text, string file, ContentErrors errors)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != Fence)
        {
            errors.Add(file, 1, "", "The file must start with YAML front matter: a line '---', the keys, and a closing line '---'.");
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == Fence);
        if (close < 0)
        {
            errors.Add(file, 1, "", "The front matter is not closed by a line '---'.");
            return null;
        }
        var yaml = string.Join('\n', lines[1..close]);
        return new FrontMatter(yaml, NormaliseBody(string.Join('\n', lines[(close + 1)..])), 1, close + 2);
    }

    /// <summary>Trailing blank lines carry no meaning in Markdown; the normalised file ends in exactly one newline.</summary>
    public static string NormaliseBody(string body) => body.TrimEnd();
}
