using IQLearning.Web.Features.Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace IQLearning.Tests.Features.Certificates;

/// <summary>The certificate PDF read back as a screen reader would: catalog flags, structure tree, reading order.</summary>
public class TaggedCertificatePdfTests
{
    private readonly CertificatePdfRenderer _renderer = new();

    [Theory]
    [InlineData(CertificateLanguage.De, "de-DE")]
    [InlineData(CertificateLanguage.En, "en-GB")]
    public void Catalog_says_tagged_with_language_structure_tree_and_the_title_as_window_title(CertificateLanguage language, string lang)
    {
        using var pdf = PdfDocument.Open(_renderer.Render(CertificateExamples.German() with { Language = language }).Pdf);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        Assert.Equal(lang, Assert.IsType<StringToken>(Resolve(pdf, catalog, "Lang")).Data);
        Assert.True(Assert.IsType<BooleanToken>(Resolve(pdf, Dictionary(pdf, catalog, "MarkInfo"), "Marked")).Data);
        Assert.True(Assert.IsType<BooleanToken>(Resolve(pdf, Dictionary(pdf, catalog, "ViewerPreferences"), "DisplayDocTitle")).Data);
        Assert.Equal("StructTreeRoot", Assert.IsType<NameToken>(Resolve(pdf, Dictionary(pdf, catalog, "StructTreeRoot"), "Type")).Data);
        Assert.StartsWith(language == CertificateLanguage.De ? "Zertifikat" : "Certificate", pdf.Information.Title);
    }

    [Fact]
    public void Structure_tree_reads_heading_statement_outcomes_details_and_the_qr_code_as_a_figure_with_the_url()
    {
        var certificate = CertificateExamples.German();
        using var pdf = PdfDocument.Open(_renderer.Render(certificate).Pdf);

        var elements = Elements(pdf).ToList();
        var types = elements.Select(e => e.Type).ToList();

        Assert.Equal("Document", types[0]);
        Assert.Equal(1, types.Count(t => t == "H1"));
        Assert.True(types.IndexOf("H1") < types.IndexOf("H2"), "the title comes before the outcomes' heading");
        Assert.True(types.IndexOf("H2") < types.IndexOf("L"), "the outcomes' heading comes before their list");
        Assert.Equal(certificate.LearningOutcomes.Count, types.Count(t => t == "LI"));
        Assert.Equal(certificate.LearningOutcomes.Count, types.Count(t => t == "LBody"));
        var figure = Assert.Single(elements, e => e.Type == "Figure");
        Assert.Contains(certificate.VerificationUrl.AbsoluteUri, figure.Alt);
        Assert.True(types.IndexOf("L") < types.IndexOf("Figure"), "the verification block comes last");
        Assert.True(types.Count(t => t == "P") >= 10, "the statement, details and verification texts are paragraphs");
    }

    [Fact]
    public void Text_comes_out_in_reading_order()
    {
        var certificate = CertificateExamples.German();
        using var pdf = PdfDocument.Open(_renderer.Render(certificate).Pdf);
        var text = Squeeze(pdf.GetPage(1).Text);

        string[] inOrder =
        [
            "Zertifikat", certificate.HolderName, certificate.CourseTitle, "Lernergebnisse", certificate.LearningOutcomes[0],
            certificate.LearningOutcomes[^1], "Ausgestellt am", "Ausgestellt von", "Zertifikatsnummer", certificate.Number.Value,
            certificate.VerificationUrl.AbsoluteUri,
        ];
        var positions = inOrder.Select(part => text.IndexOf(Squeeze(part), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    private sealed record Element(string Type, string? Alt);

    /// <summary>The structure elements depth first, which is their reading order.</summary>
    private static IEnumerable<Element> Elements(PdfDocument pdf)
    {
        var root = Dictionary(pdf, pdf.Structure.Catalog.CatalogDictionary, "StructTreeRoot");
        return Children(pdf, root);
    }

    private static IEnumerable<Element> Children(PdfDocument pdf, DictionaryToken parent)
    {
        var kids = Resolve(pdf, parent, "K") switch
        {
            ArrayToken array => array.Data.Select(k => Resolve(pdf, k)),
            { } single => [single],
            null => [],
        };
        foreach (var kid in kids.OfType<DictionaryToken>())
        {
            if (Resolve(pdf, kid, "S") is not NameToken type) continue; // a marked-content reference, not an element
            yield return new Element(type.Data, (Resolve(pdf, kid, "Alt") as StringToken)?.Data);
            foreach (var child in Children(pdf, kid)) yield return child;
        }
    }

    private static DictionaryToken Dictionary(PdfDocument pdf, DictionaryToken dictionary, string key) =>
        Assert.IsType<DictionaryToken>(Resolve(pdf, dictionary, key));

    private static IToken? Resolve(PdfDocument pdf, DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var token) ? Resolve(pdf, token) : null;

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
