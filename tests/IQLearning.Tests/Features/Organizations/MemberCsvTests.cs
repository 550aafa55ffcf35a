using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;

namespace IQLearning.Tests.Features.Organizations;

public sealed class MemberCsvTests
{
    [Fact]
    public void A_good_file_with_semicolons_quotes_and_a_byte_order_mark_is_read()
    {
        var result = MemberCsv.Read("\uFEFFEmail;Name;Role\r\nann@example.org;\"Meier; Ann\";manager\r\nbob@example.org;Bob;Mitglied\r\n");

        Assert.True(result.Succeeded);
        Assert.Equal([new MemberCsvRow(2, "ann@example.org", "Meier; Ann", MemberRole.Manager), new MemberCsvRow(3, "bob@example.org", "Bob", MemberRole.Member)], result.Rows);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_reason_and_no_row_is_kept()
    {
        var result = MemberCsv.Read(string.Join("\n",
            "email,name,role",
            "ok@example.org,Okay,member",
            "not-an-address,Nobody,member",
            "OK@example.org,Twice,member",
            "eve@example.org,=cmd|' /C calc'!A0,member",
            "tab@example.org,\t=1+1,member",
            "role@example.org,Rolf,boss",
            "short@example.org,Short",
            "at@example.org,@SUM(A1),manager"));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal([
            new MemberCsvProblem(3, "Email"), new MemberCsvProblem(4, "Duplicate", 2), new MemberCsvProblem(5, "Formula"),
            new MemberCsvProblem(6, "Formula"), new MemberCsvProblem(7, "Role"), new MemberCsvProblem(8, "Columns"), new MemberCsvProblem(9, "Formula"),
        ], result.Problems);
    }

    [Theory]
    [InlineData("mail,name,role\na@example.org,A,member")]
    [InlineData("email,name\na@example.org,A")]
    [InlineData("")]
    public void Wrong_columns_in_the_header_are_reported_on_line_one(string csv) =>
        Assert.Equal([new MemberCsvProblem(1, "Header")], MemberCsv.Read(csv).Problems);

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+49 30 123", true)]
    [InlineData("-2", true)]
    [InlineData("@A1", true)]
    [InlineData("\t=1", true)]
    [InlineData("\r=1", true)]
    [InlineData("  =1", true)]
    [InlineData("Anne-Marie", false)]
    [InlineData("", false)]
    public void Formula_like_text_is_recognised_and_neutralised(string text, bool formula)
    {
        Assert.Equal(formula, SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(formula ? "'" + text : text, SpreadsheetText.Neutralise(text));
    }
}
