using System.Globalization;
using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// <c>{=right ~wrong ~%50%half}</c>. With an <c>=</c> it is single choice; with none it becomes multiple
/// response (check boxes), where the positive weights must add up to 100 % as Moodle requires on save.
/// </summary>
internal static class GiftChoiceAnswers
{
    public static Question Read(GiftPart answers, TextFormat format)
    {
        var pieces = GiftAnswers.Pieces(answers.SplitBefore("~="));
        if (pieces.Count < 2) throw new GiftSyntaxException(answers, "expected at least two answers (~wrong =right) in a multiple-choice question");
        var choices = new ValueList<Choice>(pieces.Select(piece => ReadChoice(piece, format)));
        if (answers.IndexOf('=') >= 0) return new SingleChoiceQuestion(choices);
        RequireFullCredit(answers, choices);
        return new MultipleResponseQuestion(choices);
    }

    private static Choice ReadChoice(GiftPart piece, TextFormat format)
    {
        var answer = piece;
        decimal weight;
        if (answer.Text.StartsWith('=')) (weight, answer) = (100m, answer.From(1));
        else
        {
            if (answer.Text.StartsWith('~')) answer = answer.From(1).Trim();
            weight = GiftText.TakeWeight(ref answer) ?? 0m;
        }
        var (text, feedback) = GiftText.AnswerAndFeedback(answer, format);
        if (text.IsEmpty) throw new GiftSyntaxException(piece, "expected answer text after '~' or '='");
        return new Choice(text, weight, feedback);
    }

    private static void RequireFullCredit(GiftPart answers, IEnumerable<Choice> choices)
    {
        var total = choices.Where(choice => choice.WeightPercent > 0).Sum(choice => choice.WeightPercent);
        // Moodle rounds the sum of fractions to two places before comparing, so 3 × 33.33333 % passes.
        if (Math.Round(total / 100m, 2) != 1m)
            throw new GiftSyntaxException(answers,
                $"expected the positive weights of a multiple-response question (no '=') to add up to 100%, got {total.ToString(CultureInfo.InvariantCulture)}%");
    }
}
