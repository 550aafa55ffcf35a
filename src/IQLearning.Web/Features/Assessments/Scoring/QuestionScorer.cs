using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Scoring;

/// <summary>
/// Scores one response as a fraction 0..1 of the question's points, the way Moodle grades each type.
/// Every fraction is clamped to [0, 1], so negative weights punish guessing within a question but never
/// take points from another.
/// </summary>
public static class QuestionScorer
{
    /// <returns>The fraction, or null for a question that is not scored (essay, description).</returns>
    public static decimal? Score(Question question, LearnerResponse? response)
    {
        if (!question.IsScored) return null;
        if (response is null) return 0m;
        return Clamp(question switch
        {
            SingleChoiceQuestion single => SingleChoice(single, Expect<ChoiceResponse>(question, response)),
            MultipleResponseQuestion multiple => MultipleResponse(multiple, Expect<ChoiceResponse>(question, response)),
            TrueFalseQuestion trueFalse => Expect<TrueFalseResponse>(question, response).Answer == trueFalse.CorrectAnswer ? 1m : 0m,
            MatchingQuestion matching => Matching(matching, Expect<MatchingResponse>(question, response)),
            ShortAnswerQuestion shortAnswer => ShortAnswer(shortAnswer, Expect<TextResponse>(question, response)),
            NumericalQuestion numerical => Numerical(numerical, Expect<NumberResponse>(question, response)),
            _ => throw new ArgumentException($"No scoring for {question.GetType().Name}.", nameof(question)),
        });
    }

    private static decimal SingleChoice(SingleChoiceQuestion question, ChoiceResponse response)
    {
        if (response.Chosen.Count > 1)
            throw new ArgumentException("A single-choice question takes one choice.", nameof(response));
        return response.Chosen.Sum(index => Weight(question.Choices, index));
    }

    private static decimal MultipleResponse(MultipleResponseQuestion question, ChoiceResponse response) =>
        response.Chosen.Sum(index => Weight(question.Choices, index));

    private static decimal Weight(ValueList<Choice> choices, int index) =>
        index >= 0 && index < choices.Count
            ? choices[index].WeightPercent / 100m
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The question has {choices.Count} choices.");

    // Each prompt earns an equal share; distractors have no prompt and so no share.
    private static decimal Matching(MatchingQuestion question, MatchingResponse response)
    {
        var prompts = question.Pairs.Select((pair, index) => (pair, index)).Where(item => !item.pair.IsDistractor).ToList();
        var correct = prompts.Count(item =>
            response.AnswerByPair.TryGetValue(item.index, out var answer) && string.Equals(answer, item.pair.Answer, StringComparison.Ordinal));
        return prompts.Count == 0 ? 0m : (decimal)correct / prompts.Count;
    }

    // The first accepted answer that matches decides, so a later "*" only catches what nothing before did.
    private static decimal ShortAnswer(ShortAnswerQuestion question, TextResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Text)) return 0m;
        var match = question.Answers.FirstOrDefault(answer => ShortAnswerPattern.Matches(answer.Text, response.Text, question.CaseSensitive));
        return match is null ? 0m : match.WeightPercent / 100m;
    }

    private static decimal Numerical(NumericalQuestion question, NumberResponse response)
    {
        var match = question.Answers.FirstOrDefault(answer => answer.Accepts(response.Value));
        return match is null ? 0m : match.WeightPercent / 100m;
    }

    private static decimal Clamp(decimal fraction) => Math.Clamp(fraction, 0m, 1m);

    private static T Expect<T>(Question question, LearnerResponse response) where T : LearnerResponse =>
        response as T ?? throw new ArgumentException(
            $"A {question.GetType().Name} takes a {typeof(T).Name}, not a {response.GetType().Name}.", nameof(response));
}
