using System.Text;
using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// Exports questions as GIFT that <see cref="GiftParser"/> (and Moodle) read back into equal questions:
/// control characters and newlines escaped, weights written out, general feedback last in the braces.
/// </summary>
public static class GiftWriter
{
    public static string Write(IEnumerable<Question> questions)
    {
        var gift = new StringBuilder();
        var category = string.Empty;
        foreach (var question in questions)
        {
            if (question.Category != category)
            {
                // GIFT can switch to a category but has no way back to "none".
                if (question.Category.Length == 0)
                    throw new ArgumentException("A question without a category cannot follow one with a category.", nameof(questions));
                category = question.Category;
                gift.Append("$CATEGORY: ").Append(category).Append("\n\n");
            }
            gift.Append(Write(question)).Append("\n\n");
        }
        return gift.ToString();
    }

    public static string Write(Question question)
    {
        var title = question.Title is null ? string.Empty : "::" + GiftEscapes.Escape(question.Title) + "::";
        if (question is DescriptionQuestion) return title + Text(question.Text, TextFormat.Moodle);
        var answers = "{" + GiftAnswerWriter.Answers(question) + GeneralFeedback(question) + "}";
        return title + TextAround(question.Text, answers);
    }

    /// <summary>A format tag when the format differs from the inherited one, or when the text itself starts like a tag.</summary>
    internal static string Text(FormattedText text, TextFormat inherited) =>
        text.IsEmpty ? string.Empty : Tag(text, inherited) + GiftEscapes.Escape(text.Text);

    private static string Tag(FormattedText text, TextFormat inherited) =>
        text.Format != inherited || StartsLikeTag(text.Text) ? GiftText.TagOf(text.Format) : string.Empty;

    internal static string Feedback(FormattedText feedback, TextFormat inherited) =>
        feedback.IsEmpty ? string.Empty : "#" + Text(feedback, inherited);

    // The answer block goes where the blank is, unless nothing follows the blank: then the block ends the
    // question and the blank stays literal, which reads back the same.
    private static string TextAround(FormattedText text, string answers)
    {
        var blank = text.Text.IndexOf(Question.BlankMarker, StringComparison.Ordinal);
        var after = blank < 0 ? string.Empty : text.Text[(blank + Question.BlankMarker.Length)..];
        if (after.Length == 0) return Text(text, TextFormat.Moodle) + answers;
        return Tag(text, TextFormat.Moodle) + GiftEscapes.Escape(text.Text[..blank]) + answers + GiftEscapes.Escape(after);
    }

    private static string GeneralFeedback(Question question)
    {
        if (question.GeneralFeedback.IsEmpty) return string.Empty;
        var feedback = "####" + Text(question.GeneralFeedback, question.Text.Format);
        return question is TrueFalseQuestion or EssayQuestion ? feedback : "\t" + feedback + "\n";
    }

    private static bool StartsLikeTag(string text)
    {
        var end = text.IndexOf(']');
        return text.StartsWith('[') && end > 0 && GiftText.FormatNamed(text[1..end]) is not null;
    }
}
