using System.Globalization;
using System.Text;
using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>The inside of the braces for each question type, one answer a line as Moodle's exporter writes it.</summary>
internal static class GiftAnswerWriter
{
    public static string Answers(Question question) => question switch
    {
        EssayQuestion => string.Empty,
        TrueFalseQuestion trueFalse => TrueFalse(trueFalse),
        SingleChoiceQuestion single => Lines(single.Choices, choice => SingleChoiceMark(choice) + ChoiceText(choice, question)),
        MultipleResponseQuestion multiple => Lines(multiple.Choices, choice => $"~%{Number(choice.WeightPercent)}%" + ChoiceText(choice, question)),
        ShortAnswerQuestion shortAnswer => Lines(shortAnswer.Answers, answer => ShortAnswer(answer, question.Text.Format)),
        MatchingQuestion matching => Lines(matching.Pairs, pair => Pair(pair, question.Text.Format)),
        NumericalQuestion numerical => "#" + Lines(numerical.Answers, answer => Numerical(answer, numerical)),
        _ => throw new ArgumentException($"GIFT cannot express a {question.GetType().Name}.", nameof(question)),
    };

    private static string Lines<T>(IEnumerable<T> answers, Func<T, string> write)
    {
        var lines = new StringBuilder("\n");
        foreach (var answer in answers) lines.Append('\t').Append(write(answer)).Append('\n');
        return lines.ToString();
    }

    // GIFT order: the feedback for a wrong answer comes first.
    private static string TrueFalse(TrueFalseQuestion question)
    {
        var format = question.Text.Format;
        var (right, wrong) = question.CorrectAnswer
            ? (question.FeedbackWhenTrue, question.FeedbackWhenFalse)
            : (question.FeedbackWhenFalse, question.FeedbackWhenTrue);
        var answer = question.CorrectAnswer ? "TRUE" : "FALSE";
        if (right.IsEmpty) return answer + GiftWriter.Feedback(wrong, format);
        return answer + "#" + GiftWriter.Text(wrong, format) + GiftWriter.Feedback(right, format);
    }

    // A text starting with '%' would be read as a weight after a bare '~', so such a choice gets "%0%" written out.
    private static string SingleChoiceMark(Choice choice) => choice.WeightPercent switch
    {
        100m => "=",
        0m when !choice.Text.Text.StartsWith('%') => "~",
        var weight => $"~%{Number(weight)}%",
    };

    private static string ChoiceText(Choice choice, Question question) =>
        GiftWriter.Text(choice.Text, question.Text.Format) + GiftWriter.Feedback(choice.Feedback, question.Text.Format);

    private static string ShortAnswer(AcceptedAnswer answer, TextFormat format) =>
        $"=%{Number(answer.WeightPercent)}%" + GiftWriter.Text(new FormattedText(answer.Text, format), format) + GiftWriter.Feedback(answer.Feedback, format);

    private static string Pair(MatchingPair pair, TextFormat format) =>
        "=" + GiftWriter.Text(pair.Prompt, format) + " -> " + GiftEscapes.Escape(pair.Answer);

    // "~#feedback" only works last: the parser takes everything after the first '~' as that feedback.
    private static string Numerical(NumericalAnswer answer, NumericalQuestion question)
    {
        var feedback = GiftWriter.Feedback(answer.Feedback, question.Text.Format);
        if (answer.AcceptsAnyNumber && answer.WeightPercent == 0m && ReferenceEquals(answer, question.Answers[^1]))
            return "~" + (feedback.Length == 0 ? "#" : feedback);
        var value = answer.Value is { } number ? Number(number) : "*";
        return $"=%{Number(answer.WeightPercent)}%{value}:{Number(answer.Tolerance)}" + feedback;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
