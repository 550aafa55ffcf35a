using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Assessments.Scoring;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>The feedback the author wrote for the answer the learner gave, as Moodle shows it after submitting.</summary>
public static class AnswerFeedback
{
    public static IReadOnlyList<FormattedText> For(Question question, LearnerResponse? response)
    {
        IEnumerable<FormattedText> feedback = (question, response) switch
        {
            (SingleChoiceQuestion q, ChoiceResponse r) => r.Chosen.Order().Select(i => q.Choices[i].Feedback),
            (MultipleResponseQuestion q, ChoiceResponse r) => r.Chosen.Order().Select(i => q.Choices[i].Feedback),
            (TrueFalseQuestion q, TrueFalseResponse r) => [r.Answer ? q.FeedbackWhenTrue : q.FeedbackWhenFalse],
            (ShortAnswerQuestion q, TextResponse r) => q.Answers
                .Where(a => ShortAnswerPattern.Matches(a.Text, r.Text, q.CaseSensitive)).Take(1).Select(a => a.Feedback),
            (NumericalQuestion q, NumberResponse r) => q.Answers.Where(a => a.Accepts(r.Value)).Take(1).Select(a => a.Feedback),
            _ => [],
        };
        return feedback.Where(f => !f.IsEmpty).ToList();
    }

    /// <summary>The text key for how well a question was answered; never for an essay (a private reflection).</summary>
    public static string Verdict(decimal? fraction) => fraction switch
    {
        null => "Assessments.Result.NotScored",
        1m => "Assessments.Result.Correct",
        0m => "Assessments.Result.Wrong",
        _ => "Assessments.Result.Partly",
    };
}
