using IQLearning.Web.Features.Assessments.Gift;

namespace IQLearning.Tests.Features.Assessments.Gift;

/// <summary>Every error names file, line and what was expected; one bad question fails the whole file.</summary>
public sealed class GiftErrorTests
{
    private static GiftError OnlyError(string gift)
    {
        var result = GiftParser.Parse("modul1.gift", gift);
        Assert.Empty(result.Questions);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("::a::Erste? {T}\n\n::b::Zweite?\n{=AGG ~BGB", 4, "expected '}' to close the answer block")]
    [InlineData("Frage? =AGG ~BGB}", 1, "expected '{' before '}'")]
    [InlineData("Frage? {=AGG\n~BGB { ~x}", 2, "expected '}' before a second '{'")]
    [InlineData("Frage {=AGG ~BGB} und {=x}", 1, "expected one answer block per question")]
    [InlineData("Frage? {\n~nur eine}", 2, "expected at least two answers")]
    [InlineData("Frage? {\n=AGG\n~}", 3, "expected answer text after '~' or '='")]
    [InlineData("Zuordnen {\n=AGG -> Gesetz\n=BetrVG Betriebsrat -> \n}", 3, "expected an answer after '->'")]
    [InlineData("Zuordnen {\n=AGG -> Gesetz\n=BetrVG\n=SGB -> Jobcenter}", 3, "expected '=prompt -> answer'")]
    [InlineData("Zuordnen {=AGG -> Gesetz}", 1, "expected at least two '=prompt -> answer' pairs")]
    [InlineData("Zahl? {#\n=2\n=%50%zwei}", 3, "expected a number (with '.' as decimal point), got 'zwei'")]
    [InlineData("Zahl? {#2,5}", 1, "expected a number (with '.' as decimal point), got '2,5'")]
    [InlineData("Zahl? {#5..1}", 1, "expected min..max with min <= max")]
    [InlineData("Zahl? {#}", 1, "expected a number after '#'")]
    [InlineData("Frage? {\n=a\n~%33%b}", 3, "expected a weight Moodle accepts")]
    [InlineData("Merkmale? {\n~%50%Alter\n~%25%Religion\n~%-100%Einkommen}", 2, "expected the positive weights of a multiple-response question (no '=') to add up to 100%, got 75%")]
    [InlineData("$CATEGORY: agg\nFrage? {T}", 2, "expected a blank line after the $CATEGORY: line")]
    public void Error_names_file_line_and_what_was_expected(string gift, int line, string expected)
    {
        var error = OnlyError(gift);

        Assert.Equal("modul1.gift", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void One_bad_question_fails_the_file_and_every_bad_question_is_reported()
    {
        var gift = "// Modul 1\n::ok::Gut? {T}\n\n::bad1::Kaputt? {=a\n\n::ok2::Auch gut? {=a ~b}\n\n// kaputt\n::bad2::Zahl? {#abc}";

        var result = GiftParser.Parse("modul1.gift", gift);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Questions);
        Assert.Equal(["modul1.gift:4: expected '}' to close the answer block opened here", "modul1.gift:9: expected a number (with '.' as decimal point), got 'abc'"],
            result.Errors.Select(error => error.ToString()));
    }
}
