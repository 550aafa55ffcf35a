using IQLearning.Web.Features.Assessments.Gift;

namespace IQLearning.Tests.Features.Assessments.Gift;

public sealed class QuestionIdTests
{
    [Fact]
    public void Titled_question_keeps_its_id_when_the_text_changes_but_not_when_category_or_title_change()
    {
        var id = GiftParserTests.ParseOne("$CATEGORY: agg\n\n::AGG-1::Alt? {T}").Id;

        Assert.Equal(id, GiftParserTests.ParseOne("$CATEGORY: agg\n\n::AGG-1::Neu formuliert? {F}").Id);
        Assert.NotEqual(id, GiftParserTests.ParseOne("$CATEGORY: other\n\n::AGG-1::Alt? {T}").Id);
        Assert.NotEqual(id, GiftParserTests.ParseOne("$CATEGORY: agg\n\n::AGG-2::Alt? {T}").Id);
        Assert.Matches("^q-[0-9a-f]{20}$", id);
    }

    [Fact]
    public void Untitled_question_takes_its_id_from_category_and_text()
    {
        var id = GiftParserTests.ParseOne("Alt? {T}").Id;

        Assert.Equal(id, GiftParserTests.ParseOne("// same text, other answer\nAlt? {F}").Id);
        Assert.NotEqual(id, GiftParserTests.ParseOne("Neu? {T}").Id);
    }

    [Fact]
    public void Content_files_need_titles_and_ids_unique_in_the_file()
    {
        var result = GiftParser.Parse("abschlusstest.gift", "Ohne Titel? {T}\n\n::a::Eins? {T}\n\n::a::Zwei? {F}", GiftParseOptions.Content);

        Assert.Collection(result.Errors,
            error => Assert.Equal((1, "expected a ::title::"), (error.Line, error.Message[..20])),
            error => Assert.Equal((5, "the question at line 3 has the same id"), (error.Line, error.Message[^38..])));
        Assert.Empty(result.Questions);
    }
}
