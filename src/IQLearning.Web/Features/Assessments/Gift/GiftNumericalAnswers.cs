using System.Globalization;
using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// <c>{#value}</c>, <c>{#value:tolerance}</c>, <c>{#min..max}</c> or several <c>=%w%value:tolerance#feedback</c>;
/// everything from the first <c>~</c> on is the feedback for any other number.
/// </summary>
internal static class GiftNumericalAnswers
{
    public static NumericalQuestion Read(GiftPart answers, TextFormat format)
    {
        var wrongAt = answers.IndexOf('~');
        var otherwise = wrongAt >= 0 ? answers.From(wrongAt) : (GiftPart?)null;
        if (wrongAt >= 0) answers = answers.Until(wrongAt);

        var pieces = GiftAnswers.Pieces(answers.SplitAt('='));
        if (pieces.Count == 0 || pieces.All(piece => piece.IsEmpty))
            throw new GiftSyntaxException(answers, "expected a number after '#' in a numerical question");
        var read = pieces.Select(piece => ReadAnswer(piece, format)).ToList();
        if (otherwise is { } wrong)
            read.Add(new NumericalAnswer(null, 0m, 0m, GiftText.AnswerAndFeedback(wrong, format).Feedback));
        return new NumericalQuestion(new ValueList<NumericalAnswer>(read));
    }

    private static NumericalAnswer ReadAnswer(GiftPart piece, TextFormat format)
    {
        var answer = piece;
        var weight = GiftText.TakeWeight(ref answer) ?? 100m;
        var (written, feedback) = GiftText.AnswerAndFeedback(answer, format);
        var (value, tolerance) = ValueAndTolerance(piece, written.Text);
        return new NumericalAnswer(value, tolerance, weight, feedback);
    }

    private static (decimal? Value, decimal Tolerance) ValueAndTolerance(GiftPart piece, string written)
    {
        var range = written.IndexOf("..", StringComparison.Ordinal);
        var colon = written.IndexOf(':');
        if (range > 0)
        {
            var (min, max) = (Number(piece, written[..range]), Number(piece, written[(range + 2)..]));
            if (min > max) throw new GiftSyntaxException(piece, $"expected min..max with min <= max, got '{written}'");
            var middle = (min + max) / 2;
            return (middle, max - middle);
        }
        var value = colon > 0 ? written[..colon] : written;
        var tolerance = colon > 0 ? Number(piece, written[(colon + 1)..]) : 0m;
        if (tolerance < 0) throw new GiftSyntaxException(piece, $"expected a tolerance >= 0, got '{written}'");
        return (value.Trim() == "*" ? null : Number(piece, value), tolerance);
    }

    // Moodle turns any non-number into '*' (accept everything); a typo must not make every answer right.
    private static decimal Number(GiftPart piece, string written) =>
        decimal.TryParse(written.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new GiftSyntaxException(piece, $"expected a number (with '.' as decimal point), got '{written.Trim()}'");
}
