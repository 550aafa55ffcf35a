using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using static IQLearning.Tests.Features.Assessments.Gift.ExpectedQuestions;

namespace IQLearning.Tests.Features.Assessments.Gift;

public sealed class GiftParserTests
{
    internal static Question ParseOne(string gift) => Assert.Single(Parse(gift));

    internal static IReadOnlyList<Question> Parse(string gift, GiftParseOptions? options = null)
    {
        var result = GiftParser.Parse("test.gift", gift, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Questions;
    }

    [Fact]
    public void Title_between_double_colons_is_taken_off_the_text()
    {
        var question = ParseOne("::AGG-1:: Welches Gesetz? {=AGG ~BGB}");

        Assert.Equal("AGG-1", question.Title);
        Assert.Equal(M("Welches Gesetz?"), question.Text);
    }

    [Fact]
    public void Unclosed_title_leaves_the_question_untitled_without_the_colons()
    {
        var question = ParseOne("::Welches Gesetz? {=AGG ~BGB}");

        Assert.Null(question.Title);
        Assert.Equal("Welches Gesetz?", question.Text.Text);
    }

    [Fact]
    public void Comment_lines_are_ignored_and_a_block_of_comments_is_no_question()
    {
        var questions = Parse("// heading\n\n// before\nFrage? {=ja ~nein}\n// after\n\n// trailing");

        var question = Assert.Single(questions);
        Assert.Equal(2, Assert.IsType<SingleChoiceQuestion>(question).Choices.Count);
        Assert.Equal("Frage?", question.Text.Text);
    }

    [Fact]
    public void Category_applies_to_the_questions_after_it()
    {
        var questions = Parse("::a::Vorher{}\n\n$CATEGORY: $course$/Antidiskriminierung/Modul 1\n\n::b::Nachher{}");

        Assert.Equal(["", "$course$/Antidiskriminierung/Modul 1"], questions.Select(q => q.Category));
    }

    [Fact]
    public void Feedback_follows_the_answer_after_hash_and_general_feedback_after_the_last_four_hashes()
    {
        var question = Assert.IsType<SingleChoiceQuestion>(ParseOne("Q? {=AGG #Richtig. ~BGB #Nein. ####Siehe ####Modul 1.}"));

        Assert.Equal([C("AGG", 100, "Richtig."), C("BGB", 0, "Nein. ####Siehe")], question.Choices);
        Assert.Equal(M("Modul 1."), question.GeneralFeedback);
    }

    [Fact]
    public void Weights_in_percent_may_be_partial_negative_and_decimal()
    {
        var question = Assert.IsType<SingleChoiceQuestion>(ParseOne("Q? {=a ~%50%b ~%-33.33333%c ~d}"));

        Assert.Equal([100m, 50m, -33.33333m, 0m], question.Choices.Select(c => c.WeightPercent));
    }

    [Fact]
    public void Escaped_control_characters_are_text_and_backslash_n_is_a_newline()
    {
        var question = Assert.IsType<SingleChoiceQuestion>(ParseOne(@"Zeit\: 10\:30\nUhr \{ok\}? {=a \~ b \= c ~d \# e#Feedback \: \{x\}}"));

        Assert.Equal("Zeit: 10:30\nUhr {ok}?", question.Text.Text);
        Assert.Equal([C("a ~ b = c", 100), C("d # e", 0, "Feedback : {x}")], question.Choices);
    }

    [Theory]
    [InlineData("[html]", TextFormat.Html)]
    [InlineData("[markdown]", TextFormat.Markdown)]
    [InlineData("[plain]", TextFormat.Plain)]
    [InlineData("[moodle]", TextFormat.Moodle)]
    [InlineData("", TextFormat.Moodle)]
    public void Format_tag_sets_the_text_format_and_answers_inherit_it(string tag, TextFormat format)
    {
        var question = Assert.IsType<SingleChoiceQuestion>(ParseOne(tag + "Was ist **fett**? {=[plain]ja#gut ~nein#[html]<b>falsch</b> ####mehr}"));

        Assert.Equal(new FormattedText("Was ist **fett**?", format), question.Text);
        Assert.Equal(new Choice(new("ja", TextFormat.Plain), 100, new("gut", format)), question.Choices[0]);
        Assert.Equal(new Choice(new("nein", format), 0, new("<b>falsch</b>", TextFormat.Html)), question.Choices[1]);
        Assert.Equal(new FormattedText("mehr", format), question.GeneralFeedback);
    }

    [Fact]
    public void Unknown_tag_stays_part_of_the_text()
    {
        Assert.Equal(M("[pdf]Frage?"), ParseOne("[pdf]Frage?{}").Text);
    }

    [Fact]
    public void Text_after_the_answers_makes_a_fill_in_the_blank_question()
    {
        var question = ParseOne("Beschwerden sind binnen {#2} Monaten geltend zu machen.");

        Assert.Equal("Beschwerden sind binnen _____ Monaten geltend zu machen.", question.Text.Text);
        Assert.True(question.IsFillInTheBlank);
        Assert.False(ParseOne("Wie viele Monate? {#2}").IsFillInTheBlank);
    }

    [Fact]
    public void Choice_question_with_an_equals_answer_is_single_choice()
    {
        Assert.Equal(Single("Q?", C("AGG", 100), C("BGB", 0)), ParseOne("Q? {=AGG ~BGB}"));
    }

    [Fact]
    public void Choice_question_without_an_equals_answer_is_multiple_response()
    {
        var question = ParseOne("Merkmale? {~%50%Alter ~%50%Religion ~%-100%Einkommen}");

        Assert.Equal(Multiple("Merkmale?", C("Alter", 50), C("Religion", 50), C("Einkommen", -100)), question);
    }

    [Theory]
    [InlineData("{T}", true)]
    [InlineData("{TRUE}", true)]
    [InlineData("{F}", false)]
    [InlineData("{FALSE}", false)]
    public void True_false_answer_is_T_TRUE_F_or_FALSE(string answer, bool correct)
    {
        Assert.Equal(TrueFalse("Aussage.", correct), ParseOne("Aussage." + answer));
    }

    [Fact]
    public void True_false_feedback_comes_for_the_wrong_answer_first_then_for_the_right_one()
    {
        Assert.Equal(TrueFalse("A.", true, whenTrue: "Genau.", whenFalse: "Doch."), ParseOne("A. {TRUE#Doch.#Genau.}"));
        Assert.Equal(TrueFalse("B.", false, whenTrue: "Nein.", whenFalse: "Genau."), ParseOne("B. {F#Nein.#Genau.}"));
    }

    [Fact]
    public void Short_answer_accepts_several_answers_with_weights_and_feedback()
    {
        var question = ParseOne("Abkürzung? {=AGG =%50%A.G.G.#fast =%0%*#nein}");

        Assert.Equal(Short("Abkürzung?", A("AGG", 100), A("A.G.G.", 50, "fast"), A("*", 0, "nein")), question);
        Assert.False(((ShortAnswerQuestion)question).CaseSensitive);
    }

    [Fact]
    public void Matching_pairs_prompts_with_answers_and_an_empty_prompt_adds_a_distractor()
    {
        var question = Assert.IsType<MatchingQuestion>(ParseOne("Ordnen Sie zu. { =AGG -> Benachteiligungsverbot =BetrVG -> Betriebsrat = -> Jobcenter }"));

        Assert.Equal([P("AGG", "Benachteiligungsverbot"), P("BetrVG", "Betriebsrat"), P("", "Jobcenter")], question.Pairs);
        Assert.Equal(["AGG", "BetrVG"], question.Prompts.Select(p => p.Prompt.Text));
        Assert.Equal(["Benachteiligungsverbot", "Betriebsrat", "Jobcenter"], question.AnswerOptions);
    }

    [Theory]
    [InlineData("{#2}", 2, 0)]
    [InlineData("{#3.1415:0.0005}", 3.1415, 0.0005)]
    [InlineData("{#1..5}", 3, 2)]
    [InlineData("{#-1.5..0.5}", -0.5, 1)]
    public void Numerical_answer_is_exact_value_tolerance_or_range(string answer, double value, double tolerance)
    {
        var question = Assert.IsType<NumericalQuestion>(ParseOne("Zahl? " + answer));

        Assert.Equal([N((decimal)value, (decimal)tolerance, 100)], question.Answers);
    }

    [Fact]
    public void Numerical_answers_may_carry_weights_feedback_and_a_catch_all_feedback()
    {
        var question = ParseOne("Geboren? {#\n=1822:0 #Genau\n=%50%1822:2 #Fast\n~#Leider falsch}");

        Assert.Equal(Numerical("Geboren?", N(1822, 0, 100, "Genau"), N(1822, 2, 50, "Fast"), N(null, 0, 0, "Leider falsch")), question);
    }

    [Fact]
    public void Empty_braces_make_an_essay_which_may_have_general_feedback()
    {
        Assert.Equal(new EssayQuestion { Text = M("Beschreiben Sie.") }, ParseOne("Beschreiben Sie. {}"));
        Assert.Equal(M("Achten Sie auf …"), Assert.IsType<EssayQuestion>(ParseOne("Beschreiben Sie. {####Achten Sie auf …}")).GeneralFeedback);
    }

    [Fact]
    public void Text_without_braces_is_a_description()
    {
        var question = ParseOne("::Intro::Die folgenden Fragen betreffen das AGG.");

        Assert.Equal(new DescriptionQuestion { Title = "Intro", Text = M("Die folgenden Fragen betreffen das AGG.") }, question);
        Assert.False(question.IsScored);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_the_same()
    {
        Assert.Equal(Parse("Q? {\n=a\n~b}\n\nR? {T}"), Parse("\uFEFFQ? {\r\n=a\r\n~b}\r\n\r\nR? {T}"));
    }
}
