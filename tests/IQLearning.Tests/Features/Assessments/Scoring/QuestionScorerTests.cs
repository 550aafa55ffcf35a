using IQLearning.Tests.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Assessments.Scoring;

namespace IQLearning.Tests.Features.Assessments.Scoring;

public sealed class QuestionScorerTests
{
    private static decimal? Score(string gift, LearnerResponse? response) =>
        QuestionScorer.Score(GiftParserTests.ParseOne(gift), response);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.0)]
    public void Single_choice_earns_the_weight_of_the_chosen_answer(int chosen, double expected)
    {
        Assert.Equal((decimal)expected, Score("Q? {=AGG ~%50%GG ~BGB}", ChoiceResponse.Of(chosen)));
    }

    [Fact]
    public void Single_choice_refuses_two_choices()
    {
        Assert.Throws<ArgumentException>(() => Score("Q? {=AGG ~BGB}", ChoiceResponse.Of(0, 1)));
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, 1.0)]
    [InlineData(new[] { 0 }, 0.5)]
    [InlineData(new[] { 0, 1, 2 }, 0.5)]
    [InlineData(new[] { 0, 2 }, 0.0)]
    [InlineData(new int[0], 0.0)]
    public void Multiple_response_sums_the_weights_and_clamps_to_zero_and_one(int[] chosen, double expected)
    {
        var gift = "Merkmale? {~%50%Alter ~%50%Religion ~%-50%Einkommen ~%-100%Wohnort}";

        Assert.Equal((decimal)expected, Score(gift, ChoiceResponse.Of(chosen)));
        Assert.Equal(0m, Score(gift, ChoiceResponse.Of(2, 3)));
    }

    [Fact]
    public void Choice_outside_the_question_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Score("Q? {~%50%a ~%50%b}", ChoiceResponse.Of(2)));
    }

    [Theory]
    [InlineData("{T}", true, 1.0)]
    [InlineData("{T}", false, 0.0)]
    [InlineData("{FALSE}", false, 1.0)]
    [InlineData("{FALSE}", true, 0.0)]
    public void True_false_earns_all_for_the_right_answer(string answer, bool response, double expected)
    {
        Assert.Equal((decimal)expected, Score("Aussage. " + answer, new TrueFalseResponse(response)));
    }

    [Fact]
    public void Matching_gives_a_share_for_every_correct_pair_and_none_for_the_distractor()
    {
        var gift = "Zuordnen {=AGG -> Gesetz =BetrVG -> Betriebsrat =SGB II -> Jobcenter = -> Ablenkung}";

        Assert.Equal(1m, Score(gift, new MatchingResponse(new Dictionary<int, string> { [0] = "Gesetz", [1] = "Betriebsrat", [2] = "Jobcenter" })));
        Assert.Equal(2m / 3, Score(gift, new MatchingResponse(new Dictionary<int, string> { [0] = "Gesetz", [1] = "Betriebsrat", [2] = "Ablenkung" })));
        Assert.Equal(1m / 3, Score(gift, new MatchingResponse(new Dictionary<int, string> { [1] = "Betriebsrat" })));
    }

    [Theory]
    [InlineData("AGG", 1.0)]
    [InlineData("  agg ", 1.0)]
    [InlineData("A.G.G.", 0.5)]
    [InlineData("Gleichbehandlungsgesetz", 0.25)]
    [InlineData("Allgemeines Gleichbehandlungsgesetz", 0.25)]
    [InlineData("BGB", 0.0)]
    [InlineData("", 0.0)]
    public void Short_answer_takes_the_first_match_ignoring_case_and_surrounding_space(string response, double expected)
    {
        var gift = "Gesetz? {=AGG =%50%A.G.G. =%25%*gleichbehandlungsgesetz =%0%*}";

        Assert.Equal((decimal)expected, Score(gift, new TextResponse(response)));
    }

    [Fact]
    public void Short_answer_respects_case_when_the_question_asks_for_it()
    {
        var question = (ShortAnswerQuestion)GiftParserTests.ParseOne("Gesetz? {=AGG}") with { CaseSensitive = true };

        Assert.Equal(1m, QuestionScorer.Score(question, new TextResponse("AGG")));
        Assert.Equal(0m, QuestionScorer.Score(question, new TextResponse("agg")));
    }

    [Fact]
    public void Escaped_star_in_a_short_answer_is_a_literal_star()
    {
        var question = new ShortAnswerQuestion([new AcceptedAnswer(@"2\*3", 100, FormattedText.Empty(TextFormat.Moodle))]);

        Assert.Equal(1m, QuestionScorer.Score(question, new TextResponse("2*3")));
        Assert.Equal(0m, QuestionScorer.Score(question, new TextResponse("2x3")));
    }

    [Theory]
    [InlineData(1822, 1.0)]
    [InlineData(1820, 0.5)]
    [InlineData(1824, 0.5)]
    [InlineData(1825, 0.0)]
    public void Numerical_takes_the_first_answer_whose_tolerance_holds_the_number(double response, double expected)
    {
        var gift = "Geboren? {#=1822:0 =%50%1822:2 ~#falsch}";

        Assert.Equal((decimal)expected, Score(gift, new NumberResponse((decimal)response)));
    }

    [Theory]
    [InlineData(3.141, 1.0)]
    [InlineData(3.142, 1.0)]
    [InlineData(3.1405, 0.0)]
    [InlineData(3.1425, 0.0)]
    public void Numerical_range_includes_both_ends(double response, double expected)
    {
        Assert.Equal((decimal)expected, Score("Pi? {#3.141..3.142}", new NumberResponse((decimal)response)));
    }

    [Fact]
    public void Essay_and_description_are_not_scored()
    {
        Assert.Null(Score("Beschreiben Sie. {}", new TextResponse("Ein langer Text")));
        Assert.Null(Score("Nur Text.", null));
    }

    [Fact]
    public void Missing_response_scores_zero_and_a_wrong_kind_of_response_is_refused()
    {
        Assert.Equal(0m, Score("Aussage. {T}", null));
        Assert.Throws<ArgumentException>(() => Score("Aussage. {T}", new TextResponse("wahr")));
    }
}
