using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// Reads one question block the way Moodle's <c>qformat_gift::readquestion</c> does: title, the answer
/// block between the first <c>{</c> and <c>}</c>, general feedback after the last <c>####</c>, then the
/// answers by type. Where Moodle would silently build a broken question, this reports an error instead.
/// </summary>
internal static class GiftQuestionReader
{
    private const string CategoryCommand = "$CATEGORY:";

    public static bool IsCategory(GiftBlock block) => block.Text.StartsWith(CategoryCommand, StringComparison.Ordinal);

    public static string ReadCategory(GiftBlock block)
    {
        var path = new GiftPart(block.Text, 0).From(CategoryCommand.Length).Trim();
        // Moodle would take the following lines into the category name; that is never what the author meant.
        if (path.IndexOf('\n') >= 0)
            throw new GiftSyntaxException(path.From(path.IndexOf('\n') + 1), "expected a blank line after the $CATEGORY: line");
        if (path.IsEmpty)
            throw new GiftSyntaxException(path, "expected a category path after $CATEGORY:");
        return GiftEscapes.Reveal(path.Text);
    }

    public static Question Read(GiftBlock block, string category)
    {
        var rest = new GiftPart(block.Text, 0);
        var title = TakeTitle(ref rest);
        var (open, close) = FindAnswerBlock(rest);
        if (open < 0)
            return new DescriptionQuestion { Category = category, Title = title, Text = GiftText.Formatted(rest.Text, TextFormat.Moodle) };

        var answers = rest.From(open + 1).Until(close - open - 1).Trim();
        var generalFeedback = TakeGeneralFeedback(ref answers);
        var text = GiftText.Formatted(QuestionText(rest.Text, open, close), TextFormat.Moodle);
        var question = GiftAnswers.Read(answers, text.Format);
        return question with
        {
            Category = category,
            Title = title,
            Text = text,
            GeneralFeedback = GiftText.Formatted(generalFeedback, text.Format),
        };
    }

    // "::title::text"; an unclosed "::" loses its colons and leaves the question untitled, as in Moodle.
    private static string? TakeTitle(ref GiftPart rest)
    {
        if (!rest.Text.StartsWith("::", StringComparison.Ordinal)) return null;
        rest = rest.From(2);
        var end = rest.IndexOf("::");
        if (end < 0) return null;
        var title = GiftEscapes.Reveal(rest.Text[..end]).Trim();
        rest = rest.From(end + 2).Trim();
        return title.Length == 0 ? null : title;
    }

    private static (int Open, int Close) FindAnswerBlock(GiftPart text)
    {
        var (open, close) = (text.IndexOf('{'), text.IndexOf('}'));
        if (open < 0 && close < 0) return (-1, -1);
        if (close < 0) throw new GiftSyntaxException(text.From(open), "expected '}' to close the answer block opened here");
        if (open < 0 || close < open) throw new GiftSyntaxException(text.From(close), "expected '{' before '}' (write \\} for a literal brace)");
        var inner = text.From(open + 1).Until(close - open - 1).IndexOf('{');
        if (inner >= 0) throw new GiftSyntaxException(text.From(open + 1 + inner), "expected '}' before a second '{' (write \\{ for a literal brace)");
        var again = text.From(close + 1).Text.IndexOfAny(['{', '}']);
        if (again >= 0) throw new GiftSyntaxException(text.From(close + 1 + again), "expected one answer block per question (write \\{ or \\} for a literal brace)");
        return (open, close);
    }

    // Text after the closing brace makes a fill-in-the-blank question: the blank stands where the answers were.
    private static string QuestionText(string text, int open, int close) =>
        close == text.Length - 1
            ? text[..open]
            : text[..open] + Question.BlankMarker + text[(close + 1)..];

    private static string TakeGeneralFeedback(ref GiftPart answers)
    {
        var separator = answers.Text.LastIndexOf("####", StringComparison.Ordinal);
        if (separator < 0) return string.Empty;
        var feedback = answers.Text[(separator + 4)..];
        answers = answers.Until(separator).Trim();
        return feedback;
    }
}
