using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using static IQLearning.Tests.Features.Assessments.Gift.ExpectedQuestions;

namespace IQLearning.Tests.Features.Assessments.Gift;

/// <summary>Import → export → import gives equal questions.</summary>
public sealed class GiftRoundTripTests
{
    // Texts that look like GIFT syntax once written out: tags, weights, blanks at either end, every control character.
    private const string Tricky = """
        $CATEGORY: $course$/AGG/Modul 1

        ::Zeit\: 10\:30:: [html]<p>Um 10\:30\nUhr</p> {
          =[moodle][plain]wörtlich#[plain]A \# B
          ~%0%%50% ist Text
          ~%-50%\{x\} \~ \= y
          #### [markdown]**Allgemein**
        }

        ::lücke::_____ ist der Anfang, {=AGG =%50%*#Rest} und das Ende _____

        ::nur richtig::Stimmt's? {FALSE##Gut erkannt.####Weil …}

        $CATEGORY: $course$/AGG/Modul 2

        ::zahlen::Zahl? {#=%50%*:0#Irgendwas =3..5#Mitte ~#Sonst}

        ::zuordnen::[markdown]Ordnen Sie zu {=[plain] -> Ablenkung =[html]<i>AGG</i> -> Gesetz =BetrVG -> Rat \-> Recht}

        Beschreibung mit \{ Klammern \}, Doppel\:\:punkten und \\ Backslash.
        """;

    public static TheoryData<string> Sources => ["moodle-examples.gift", "moodle-fixture-questions.gift"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Moodle_files_read_back_equal_after_export(string file)
    {
        var imported = GiftParser.ParseFile(SharedFolder.ConformanceFile(file)).Questions;

        AssertRoundTrip(imported);
    }

    [Fact]
    public void Text_that_looks_like_syntax_reads_back_equal_after_export()
    {
        var imported = GiftParserTests.Parse(Tricky);

        Assert.Equal(6, imported.Count);
        Assert.Equal("<p>Um 10:30\nUhr</p>", imported[0].Text.Text);
        Assert.Equal(new FormattedText("[plain]wörtlich", TextFormat.Moodle), ((SingleChoiceQuestion)imported[0]).Choices[0].Text);
        Assert.Equal("_____ ist der Anfang, _____ und das Ende _____", imported[1].Text.Text);
        AssertRoundTrip(imported);
    }

    [Fact]
    public void True_false_is_written_with_the_feedback_for_a_wrong_answer_first()
    {
        var question = TrueFalse("Aussage.", true, whenTrue: "Richtig.", whenFalse: "Falsch gedacht.") with { Title = "tf" };

        Assert.Equal("::tf::Aussage.{TRUE#Falsch gedacht.#Richtig.}", GiftWriter.Write(question));
    }

    [Fact]
    public void Export_escapes_control_characters_and_writes_weights_and_general_feedback_last()
    {
        var question = Single("a = b?", C("ja: {1}", 100, "gut # sehr"), C("nein", 0)) with { GeneralFeedback = M("Siehe ~ AGG") };

        Assert.Equal("a \\= b?{\n\t=ja\\: \\{1\\}#gut \\# sehr\n\t~nein\n\t####Siehe \\~ AGG\n}", GiftWriter.Write(question));
    }

    private static void AssertRoundTrip(IReadOnlyList<Question> imported)
    {
        var exported = GiftWriter.Write(imported);
        var reimported = GiftParser.Parse("exported.gift", exported);

        Assert.True(reimported.Succeeded, string.Join("\n", reimported.Errors) + "\n" + exported);
        Assert.Equal(imported.Count, reimported.Questions.Count);
        for (var i = 0; i < imported.Count; i++)
            Assert.True(imported[i] == reimported.Questions[i], $"Question {i + 1}:\nbefore {imported[i]}\nafter  {reimported.Questions[i]}\n{exported}");
    }
}
