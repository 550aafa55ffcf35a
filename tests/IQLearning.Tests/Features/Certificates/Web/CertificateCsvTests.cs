using IQLearning.Web.Features.Certificates.Web;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class CertificateCsvTests
{
    [Fact]
    public void Quoted_names_with_commas_and_doubled_quotes_are_read_whole()
    {
        var (rows, errors) = CertificateCsv.Read("email,name\r\na@example.org,\"Yılmaz, Ayşe\"\r\nb@example.org,\"Anna \"\"Ann\"\" Berg\"\r\n");

        Assert.Empty(errors);
        Assert.Equal([new BulkRow(2, "a@example.org", "Yılmaz, Ayşe"), new BulkRow(3, "b@example.org", "Anna \"Ann\" Berg")], rows);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+49 30 123")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=cmd")]
    [InlineData("  =HYPERLINK(\"http://evil\")")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_refused(string name)
    {
        var (rows, errors) = CertificateCsv.Read($"email,name\nx@example.org,\"{name.Replace("\"", "\"\"")}\"\n");

        Assert.Empty(rows);
        Assert.Equal("Certificates.Bulk.Error.Formula", Assert.Single(errors).ReasonKey);
    }

    [Fact]
    public void A_wrong_header_is_the_only_error_reported()
    {
        var (rows, errors) = CertificateCsv.Read("mail,vorname\nx@example.org,X\n");

        Assert.Empty(rows);
        Assert.Equal(new BulkRowError(1, "Certificates.Bulk.Error.Header"), Assert.Single(errors));
    }

    [Fact]
    public void Rows_are_numbered_as_the_spreadsheet_shows_them_also_after_a_line_break_inside_quotes()
    {
        var (_, errors) = CertificateCsv.Read("email,name\na@example.org,\"Zwei\nZeilen\"\n\nkaputt,Name\n");

        Assert.Equal(new BulkRowError(5, "Certificates.Bulk.Error.EmailInvalid", "kaputt"), Assert.Single(errors));
    }

    [Fact]
    public void A_quote_left_open_is_reported()
    {
        var (_, errors) = CertificateCsv.Read("email,name\na@example.org,\"Offen\n");

        Assert.Contains(errors, e => e.ReasonKey == "Certificates.Bulk.Error.Quote" && e.Row == 2);
    }

    [Fact]
    public void A_header_alone_is_an_empty_list()
    {
        Assert.Equal("Certificates.Bulk.Error.Empty", Assert.Single(CertificateCsv.Read("email,name\n").Errors).ReasonKey);
    }
}
