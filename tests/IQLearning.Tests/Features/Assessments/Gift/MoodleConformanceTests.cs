using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using static IQLearning.Tests.Features.Assessments.Gift.ExpectedQuestions;

namespace IQLearning.Tests.Features.Assessments.Gift;

/// <summary>
/// Moodle's own GIFT files, read into the questions Moodle's importer builds from them: type, text,
/// answers, weights and feedback of every question.
/// </summary>
public sealed class MoodleConformanceTests
{
    private const string GrantBuried = "Who's buried in Grant's tomb?";
    private const string GrantBorn = "When was Ulysses S. Grant born?";
    private const string GrantIs = "Grant is _____ in Grant's tomb.";
    private const string GrantFalse = "Grant is buried in Grant's tomb.";
    private const string Thanksgiving = "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.";
    private const string Pi = "What is the value of pi (to 3 decimal places)? _____.";
    private const string TwoPeople = "What two people are entombed in Grant's tomb?";
    private const string BornHere = "He was born here, but not raised here.";
    private const string ThatsRight = "Yes! That's right!";

    [Fact]
    public void Moodle_examples_give_43_questions_as_Moodle_imports_them()
    {
        var result = GiftParser.ParseFile(SharedFolder.ConformanceFile("moodle-examples.gift"));

        Assert.Empty(result.Errors);
        AssertQuestions(ExamplesAsMoodleImportsThem(), result.Questions);
    }

    [Fact]
    public void Moodle_fixture_gives_9_questions_as_Moodle_imports_them()
    {
        var result = GiftParser.ParseFile(SharedFolder.ConformanceFile("moodle-fixture-questions.gift"));

        Assert.Empty(result.Errors);
        AssertQuestions(FixtureAsMoodleImportsIt(), result.Questions);
    }

    private static void AssertQuestions(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == actual[i], $"Question {i + 1}:\nexpected {expected[i]}\nactual   {actual[i]}");
    }

    private static Question[] ExamplesAsMoodleImportsThem() =>
    [
        // Examples from the class description.
        Single(GrantBuried, C("Grant", 0), C("Jefferson", 0), C("no one", 100)),
        Single(GrantIs, C("buried", 0), C("entombed", 100), C("living", 0)),
        TrueFalse(GrantFalse, false),
        Short(GrantBuried, A("no one", 100), A("nobody", 100)),
        Numerical(GrantBorn, N(1822, 1, 100)),
        // Multiple choice, short answer, true-false, matching, numerical from the documentation.
        Single(GrantBuried, C("Grant", 0), C("Jefferson", 0), C("no one", 100)),
        Single(GrantIs, C("buried", 0), C("entombed", 100), C("living", 0)),
        Single(Thanksgiving, C("second", 0), C("third", 0), C("fourth", 100)),
        Single("Japanese characters originally came from what country?", C("India", 0), C("China", 100), C("Korea", 0), C("Egypt", 0)),
        Short(GrantBuried, A("no one", 100), A("nobody", 100)),
        Short("Two plus two equals _____.", A("four", 100), A("4", 100)),
        TrueFalse(GrantFalse, false),
        TrueFalse("The sun rises in the east.", true),
        Matching("Matching Question.", P("subquestion1", "subanswer1"), P("subquestion2", "subanswer2"), P("subquestion3", "subanswer3")),
        Matching("Match the following countries with their corresponding capitals.",
            P("Canada", "Ottawa"), P("Italy", "Rome"), P("Japan", "Tokyo"), P("India", "New Delhi")),
        Numerical(GrantBorn, N(1822, 0, 100)),
        Numerical(Pi, N(3.1415m, 0.0005m, 100)),
        Numerical(Pi, N(3.1415m, 0.0005m, 100)),
        Numerical(GrantBorn, N(1822, 0, 100), N(1822, 2, 50)),
        Numerical("What's 2 plus 2?", N(4, 0, 100)),
        // Options: names, feedback, formats, weights, multiple answers, special characters.
        Short("Japanese characters originally\ncame from what country?", A("China", 100)) with { Title = "Kanji Origins" },
        Single("The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November.",
            C("second", 0), C("third", 0), C("fourth", 100)) with { Title = "Thanksgiving Date" },
        Single("What's the answer to this multiple-choice question?",
            C("wrong answer", 0, "feedback comment on the wrong answer"),
            C("another wrong answer", 0, "feedback comment on this wrong answer"),
            C("right answer", 100, "Very good!")),
        Short(GrantBuried, A("no one", 100, "excellent answer!"), A("nobody", 100, "excellent answer!")),
        MarkdownGrantQuestion(),
        TrueFalse(GrantFalse, false, whenTrue: "No one is buried in Grant's tomb."),
        Single("Difficult question.", C("wrong answer", 0), C("half credit answer", 50), C("full credit answer", 100)),
        Single("Jesus Christ was from _____.",
            C("Jerusalem", 0, "This was an important city, but the wrong answer."), C("Bethlehem", 25, BornHere),
            C("Galilee", 50, "You need to be more specific."), C("Nazareth", 100, ThatsRight)) with { Title = "Jesus' hometown" },
        Short("Jesus Christ was from",
            A("Nazareth", 100, ThatsRight), A("Nazereth", 75, "Right, but misspelled."), A("Bethlehem", 25, BornHere)) with { Title = "Jesus' hometown" },
        Multiple(TwoPeople, C("No one", 0), C("Grant", 50), C("Grant's wife", 50), C("Grant's father", 0)),
        Multiple(TwoPeople, C("No one", -50), C("Grant", 50), C("Grant's wife", 50), C("Grant's father", -50)),
        Single("Which answer equals 5?", C("= 2 + 2", 0), C("= 2 + 3", 100), C("= 2 + 4", 0)),
        ControlCharacterQuestion(),
        // Examples from gift/format.php.
        Single(GrantBuried, C("Grant", 0), C("Jefferson", 0), C("no one", 100)),
        Single(GrantIs, C("buried", 0), C("entombed", 100), C("living", 0)),
        TrueFalse(GrantFalse, false),
        Short(GrantBuried, A("no one", 100), A("nobody", 100)),
        Numerical(GrantBorn, N(1822, 5, 100)),
        Matching("Match the following countries with their corresponding\ncapitals.", P("Canada", "Ottawa"), P("Italy", "Rome"), P("Japan", "Tokyo")),
        // More complicated examples.
        Single(GrantIs, C("buried", 0, "No one is buried there."), C("entombed", 100, "Right answer!"), C("living", 0, "We hope not!")) with { Title = "Grant's Tomb" },
        Single("Difficult multiple choice question.", C("wrong answer", 0, "comment on wrong answer"),
            C("half credit answer", 50, "comment on answer"), C("full credit answer", 100, "well done!")),
        Short("Jesus Christ was from _____.",
            A("Nazareth", 100, ThatsRight), A("Nazereth", 75, "Right, but misspelled."), A("Bethlehem", 25, BornHere)) with { Title = "Jesus' hometown (Short answer ex.)" },
        Numerical(GrantBorn, N(1822, 0, 100, "Correct! 100% credit"),
            N(1822, 2, 50, "He was born in 1822.\nYou get 50% credit for being close.")) with { Title = "Numerical example" },
    ];

    // [markdown] sets the format of the question text, and the feedbacks inherit it.
    private static ShortAnswerQuestion MarkdownGrantQuestion()
    {
        static FormattedText Markdown(string text) => new(text, TextFormat.Markdown);
        return new ShortAnswerQuestion([new AcceptedAnswer("no one", 100, Markdown("excellent answer!")), new AcceptedAnswer("nobody", 100, Markdown("excellent answer!"))])
        {
            Text = Markdown("Who's buried in **Grant's tomb**?"),
            GeneralFeedback = FormattedText.Empty(TextFormat.Markdown),
        };
    }

    // Escaped control characters become answer text; "\\" is one backslash; continuation lines are trimmed.
    private static SingleChoiceQuestion ControlCharacterQuestion() =>
        Single("Which of the following is NOT a control character for the GIFT import format?",
            C("~", 0, "~ is a control character."), C("=", 0, "= is a control character."), C("#", 0, "# is a control character."),
            C("{", 0, "{ is a control character."), C("}", 0, "} is a control character."),
            C("\\", 100, "Correct! \\ (backslash) is not a control character. BUT,\nit is used to escape the control characters. So, to specify\n"
                + "a literal backslash, you must escape it with a backslash\n(as shown in this example)."))
        with { Title = "GIFT Control Characters" };

    private static Question[] FixtureAsMoodleImportsIt() =>
    [
        new EssayQuestion { Title = "Q8", Text = M("How are you?") },
        FixtureMatching(),
        Single("What's between orange and green in the spectrum?",
            C("yellow", 100, "right; good!"), new Choice(M("red"), 0, new("wrong, it's yellow", TextFormat.Html)),
            new Choice(new("blue", TextFormat.Plain), 0, M("wrong, it's yellow"))) with { Title = "Q2" },
        Multiple("What's between orange and green in the spectrum?",
            C("yellow", 50, "right; good!"), new Choice(M("red"), -100, new("wrong", TextFormat.Html)),
            C("off-beige", 50, "right; good!"), new Choice(new("blue", TextFormat.Plain), -100, M("wrong"))) with { Title = "colours" },
        // The file keeps a '";' from Moodle's PHP test after the braces, so Moodle reads a fill-in-the-blank question.
        Numerical("What is a number from 1 to 5? _____\";", N(3, 2, 100), N(null, 0, 0, "Completely wrong")) with { Title = "Q5" },
        Short("Which is the best animal?", A("Frog", 100, "Good!"), A("Cat", 50, "What is it with Moodlers and cats?"),
            A("*", 0, "Completely wrong")) with { Title = "Shortanswer" },
        TrueFalse("42 is the Absolute Answer to everything._____\";", false,
            whenTrue: "42 is the Ultimate Answer.", whenFalse: "You gave the right answer.") with
        {
            Title = "Q1",
            GeneralFeedback = M("This is, of course, a Hitchiker's Guide to the Galaxy reference."),
        },
        TrueFalse("TSL is blablabla.", true) with { Title = "2-08 TSL" },
        TrueFalse("TSL is blablabla.", true) with { Title = "2-08 TSL" },
    ];

    private static MatchingQuestion FixtureMatching()
    {
        static FormattedText Html(string text) => new(text, TextFormat.Html);
        return new MatchingQuestion(
        [
            new(Html("An activity supporting asynchronous discussions."), "Forum"),
            new(M("A teacher asks a question and specifies a choice of multiple responses."), "Choice"),
            new(new("A bank of record entries which participants can add to.", TextFormat.Plain), "Database"),
            new(new("A collection of web pages that anyone can add to or edit.", TextFormat.Markdown), "Wiki"),
            new(FormattedText.Empty(TextFormat.Html), "Chat"),
        ])
        {
            Title = "Moodle activities",
            Text = Html("Match the <b>activity</b> to the description."),
            GeneralFeedback = FormattedText.Empty(TextFormat.Html),
        };
    }
}
