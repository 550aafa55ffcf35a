using IQLearning.Tests.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Scoring;

namespace IQLearning.Tests.Features.Assessments.Scoring;

public sealed class QuizScorerTests
{
    private static readonly IReadOnlyList<IQLearning.Web.Features.Assessments.Questions.Question> Quiz = GiftParserTests.Parse("""
        ::tf::Aussage. {T}

        ::mc::Gesetz? {=AGG ~%50%GG ~BGB}

        ::essay::Beschreiben Sie. {}

        ::mr::Merkmale? {~%50%Alter ~%50%Religion ~%-100%Einkommen}
        """);

    private static QuizResult Score(decimal passMark, params LearnerResponse?[] responses) =>
        QuizScorer.Score(Quiz.Select((question, i) => new QuizItem(question, i == 1 ? 2m : 1m, responses[i])), passMark);

    [Fact]
    public void Points_add_the_fraction_of_each_question_times_its_points_without_essays()
    {
        var result = Score(70m, new TrueFalseResponse(true), ChoiceResponse.Of(1), new TextResponse("…"), ChoiceResponse.Of(0));

        Assert.Equal(2.5m, result.Points);
        Assert.Equal(4m, result.MaxPoints);
        Assert.Equal(62.5m, result.Percent);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Reaching_the_pass_mark_exactly_passes()
    {
        var result = Score(62.5m, new TrueFalseResponse(true), ChoiceResponse.Of(1), null, ChoiceResponse.Of(0));

        Assert.True(result.Passed);
    }

    [Fact]
    public void Skipped_questions_score_zero_and_full_marks_give_100_percent()
    {
        Assert.Equal(0m, Score(1m, null, null, null, null).Percent);
        var full = Score(100m, new TrueFalseResponse(true), ChoiceResponse.Of(0), null, ChoiceResponse.Of(0, 1));
        Assert.Equal((4m, 100m, true), (full.Points, full.Percent, full.Passed));
    }

    [Fact]
    public void Pass_mark_outside_0_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Score(101m, null, null, null, null));
    }
}
