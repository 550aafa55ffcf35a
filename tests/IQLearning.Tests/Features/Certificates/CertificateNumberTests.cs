using System.Text.RegularExpressions;
using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

public class CertificateNumberTests
{
    private const string Unambiguous = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void New_number_has_the_year_and_two_groups_of_four_unambiguous_symbols()
    {
        var number = CertificateNumber.New(2026);

        Assert.Matches(new Regex($"^IQ-2026-[{Unambiguous}]{{4}}-[{Unambiguous}]{{4}}$"), number.Value);
        Assert.Equal(2026, number.Year);
    }

    [Fact]
    public void Random_part_never_uses_look_alike_characters_and_uses_every_other_symbol()
    {
        var symbols = Enumerable.Range(0, 3000)
            .SelectMany(_ => CertificateNumber.New(2025).Value[8..].Replace("-", ""))
            .ToHashSet();

        Assert.Empty(symbols.Intersect("0O1ILU"));
        // 24,000 draws from 30 symbols: a symbol that never comes up means the generator is broken.
        Assert.Equal(Unambiguous.ToHashSet(), symbols);
    }

    [Fact]
    public void Numbers_do_not_repeat()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(_ => CertificateNumber.New(2025)).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(10000)]
    public void Year_outside_four_digits_is_refused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.New(year));

    [Theory]
    [InlineData("iq-2025-7kqx-m4rd")]
    [InlineData("  IQ-2025-7KQX-M4RD\t")]
    [InlineData("\nIq-2025-7kQx-M4rD ")]
    public void Parse_accepts_lower_case_and_surrounding_white_space(string typed)
    {
        Assert.True(CertificateNumber.TryParse(typed, out var number));
        Assert.Equal("IQ-2025-7KQX-M4RD", number.Value);
        Assert.Equal("IQ-2025-7KQX-M4RD", CertificateNumber.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("IQ-2025-7KQX-M4R")]       // too short
    [InlineData("IQ-2025-7KQX-M4RDX")]     // too long
    [InlineData("IQ-2025-7KQXM4RD")]       // dash missing
    [InlineData("IQ-2025 7KQX-M4RD")]      // space for dash
    [InlineData("IQ-2025-7KQ X-M4RD")]     // space inside
    [InlineData("XQ-2025-7KQX-M4RD")]      // wrong prefix
    [InlineData("IQ-1999-7KQX-M4RD")]      // year before the platform
    [InlineData("IQ-20A5-7KQX-M4RD")]      // year not digits
    [InlineData("IQ-２０２５-7KQX-M4RD")]  // full-width digits
    [InlineData("IQ-2025-7KQ0-M4RD")]      // zero
    [InlineData("IQ-2025-7KQO-M4RD")]      // letter O
    [InlineData("IQ-2025-7KQ1-M4RD")]      // one
    [InlineData("IQ-2025-7KQI-M4RD")]      // letter I
    [InlineData("IQ-2025-7KQL-M4RD")]      // letter L
    [InlineData("IQ-2025-7KQU-M4RD")]      // letter U
    [InlineData("IQ-2025-7KQX-M4RÄ")]      // umlaut
    public void Parse_rejects_anything_malformed(string? typed)
    {
        Assert.False(CertificateNumber.TryParse(typed, out _));
        Assert.Null(CertificateNumber.Normalize(typed));
    }

    [Fact]
    public void Parse_of_a_malformed_number_throws_a_format_exception() =>
        Assert.Throws<FormatException>(() => CertificateNumber.Parse("IQ-2025-0000-0000"));

    [Fact]
    public void Generated_numbers_parse_back_to_themselves()
    {
        var number = CertificateNumber.New(2025);

        Assert.Equal(number, CertificateNumber.Parse(number.Value.ToLowerInvariant()));
    }

    [Fact]
    public void Default_number_has_no_value() =>
        Assert.Throws<InvalidOperationException>(() => default(CertificateNumber).Value);
}
