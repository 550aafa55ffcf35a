namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// One question (or <c>$CATEGORY:</c>) of a GIFT file: the lines between blank lines, trimmed,
/// comment lines blanked, escapes hidden — the text Moodle's <c>readquestion</c> works on.
/// </summary>
internal sealed record GiftBlock(int FirstLine, string Text)
{
    public int LineAt(int offset)
    {
        var line = FirstLine;
        for (var i = 0; i < offset && i < Text.Length; i++)
            if (Text[i] == '\n') line++;
        return line;
    }

    public static IEnumerable<GiftBlock> Split(string content)
    {
        var lines = content.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var block = new List<string>();
        var firstLine = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : string.Empty;
            if (line.Length > 0)
            {
                if (block.Count == 0) firstLine = i + 1;
                // Moodle blanks a comment line to one space, which stays inside a multi-line question text.
                block.Add(line.StartsWith("//", StringComparison.Ordinal) ? " " : line);
                continue;
            }
            if (block.Count > 0 && FromLines(firstLine, block) is { } found) yield return found;
            block.Clear();
        }
    }

    // A block of comments only is no question; leading comment lines shift where the text starts.
    private static GiftBlock? FromLines(int firstLine, List<string> lines)
    {
        var skipped = lines.TakeWhile(line => line == " ").Count();
        if (skipped == lines.Count) return null;
        var text = string.Join('\n', lines.Skip(skipped)).TrimEnd();
        return new GiftBlock(firstLine + skipped, GiftEscapes.Hide(text));
    }
}
