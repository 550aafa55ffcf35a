using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// Tells the question type from the answer block, in Moodle's order — empty: essay; <c>#</c> first:
/// numerical; any <c>~</c>: choice; <c>=</c> and <c>-&gt;</c>: matching; T/TRUE/F/FALSE: true/false;
/// anything else: short answer — and reads the answers of that type.
/// </summary>
internal static class GiftAnswers
{
    private static readonly string[] TrueFalseAnswers = ["T", "TRUE", "F", "FALSE"];

    public static Question Read(GiftPart answers, TextFormat format)
    {
        if (answers.IsEmpty) return new EssayQuestion();
        if (answers.Text[0] == '#') return GiftNumericalAnswers.Read(answers.From(1), format);
        if (answers.IndexOf('~') >= 0) return GiftChoiceAnswers.Read(answers, format);
        if (answers.IndexOf('=') >= 0 && answers.IndexOf("->") >= 0) return ReadMatching(answers, format);
        if (IsTrueFalse(answers)) return ReadTrueFalse(answers, format);
        return ReadShortAnswer(answers, format);
    }

    /// <summary>The pieces between separators; Moodle drops the piece before the first one when it is blank.</summary>
    public static List<GiftPart> Pieces(List<GiftPart> parts)
    {
        if (parts.Count > 0 && parts[0].Trim().IsEmpty) parts.RemoveAt(0);
        return [.. parts.Select(part => part.Trim())];
    }

    private static bool IsTrueFalse(GiftPart answers)
    {
        var hash = answers.IndexOf('#');
        var answer = hash > 0 ? answers.Text[..hash].Trim() : answers.Text;
        return TrueFalseAnswers.Contains(answer);
    }

    // {TRUE#feedback for a wrong answer#feedback for a right answer}
    private static TrueFalseQuestion ReadTrueFalse(GiftPart answers, TextFormat format)
    {
        var bits = answers.SplitAt('#', 3);
        var isTrue = bits[0].Text.Trim() is "T" or "TRUE";
        var wrong = bits.Count > 1 ? GiftText.Formatted(bits[1].Text.Trim(), format) : FormattedText.Empty(format);
        var right = bits.Count > 2 ? GiftText.Formatted(bits[2].Text.Trim(), format) : FormattedText.Empty(format);
        return isTrue ? new TrueFalseQuestion(true, right, wrong) : new TrueFalseQuestion(false, wrong, right);
    }

    private static ShortAnswerQuestion ReadShortAnswer(GiftPart answers, TextFormat format)
    {
        var accepted = new List<AcceptedAnswer>();
        foreach (var piece in Pieces(answers.SplitAt('=')))
        {
            var answer = piece;
            var weight = GiftText.TakeWeight(ref answer) ?? 100m;
            var (text, feedback) = GiftText.AnswerAndFeedback(answer, format);
            if (text.IsEmpty) throw new GiftSyntaxException(piece, "expected answer text after '='");
            accepted.Add(new AcceptedAnswer(text.Text, weight, feedback));
        }
        return new ShortAnswerQuestion(new ValueList<AcceptedAnswer>(accepted));
    }

    // {=prompt -> answer ...}: no feedback per pair; an empty prompt adds a distractor answer.
    private static MatchingQuestion ReadMatching(GiftPart answers, TextFormat format)
    {
        var pieces = Pieces(answers.SplitAt('='));
        if (pieces.Count < 2) throw new GiftSyntaxException(answers, "expected at least two '=prompt -> answer' pairs in a matching question");
        var pairs = new List<MatchingPair>();
        foreach (var piece in pieces)
        {
            var arrow = piece.IndexOf("->");
            if (arrow < 0) throw new GiftSyntaxException(piece, "expected '=prompt -> answer' in a matching question");
            var answer = GiftEscapes.Reveal(piece.Text[(arrow + 2)..]).Trim();
            if (answer.Length == 0) throw new GiftSyntaxException(piece, "expected an answer after '->'");
            pairs.Add(new MatchingPair(GiftText.Formatted(piece.Text[..arrow], format), answer));
        }
        if (pairs.Count(pair => !pair.IsDistractor) < 2)
            throw new GiftSyntaxException(answers, "expected at least two pairs with a prompt in a matching question");
        return new MatchingQuestion(new ValueList<MatchingPair>(pairs));
    }
}
