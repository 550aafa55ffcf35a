using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IQLearning.Web.Features.Certificates;
using QRCoder;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace IQLearning.Tests.Features.Certificates;

public class CertificatePdfRendererTests
{
    private readonly CertificatePdfRenderer _renderer = new();

    [Fact]
    public void German_certificate_shows_holder_course_number_dates_and_hours_as_text()
    {
        var certificate = CertificateExamples.German();

        var text = PageText(_renderer.Render(certificate).Pdf);

        Assert.Contains(Squeeze(certificate.HolderName), text);
        Assert.Contains(Squeeze(certificate.CourseTitle), text);
        Assert.Contains(certificate.Number.Value, text);
        Assert.Contains(Squeeze("Ausgestellt am: 15. Januar 2025"), text);
        Assert.Contains(Squeeze("Gültig bis: 15. Januar 2027"), text);
        Assert.Contains(Squeeze("7,5 Stunden"), text);
        Assert.Contains(Squeeze(certificate.LearningOutcomes[2]), text);
        Assert.Contains(Squeeze(certificate.IssuingUnit), text);
    }

    [Fact]
    public void English_certificate_uses_english_labels_and_dates()
    {
        var text = PageText(_renderer.Render(CertificateExamples.English()).Pdf);

        Assert.Contains(Squeeze("Issued on: 15 January 2025"), text);
        Assert.Contains(Squeeze("Valid until: 15 January 2027"), text);
        Assert.Contains(Squeeze("7.5 hours"), text);
        Assert.DoesNotContain(Squeeze("Ausgestellt am"), text);
    }

    [Fact]
    public void Certificate_without_expiry_does_not_print_a_validity_line()
    {
        var certificate = CertificateExamples.German() with { ValidUntil = null };

        Assert.DoesNotContain(Squeeze("Gültig bis"), PageText(_renderer.Render(certificate).Pdf));
    }

    [Fact]
    public void Page_is_one_A4_landscape_page()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(CertificateExamples.German()).Pdf);

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(842, Math.Round(page.Width));
        Assert.Equal(595, Math.Round(page.Height));
    }

    [Theory]
    [InlineData(CertificateLanguage.De, "de-DE", "Zertifikat")]
    [InlineData(CertificateLanguage.En, "en-GB", "Certificate")]
    public void Title_author_and_catalog_language_are_set(CertificateLanguage language, string lang, string titleWord)
    {
        var certificate = CertificateExamples.German() with { Language = language };

        using var pdf = PdfDocument.Open(_renderer.Render(certificate).Pdf);

        Assert.StartsWith(titleWord, pdf.Information.Title);
        Assert.Contains(certificate.CourseTitle, pdf.Information.Title);
        Assert.Contains(certificate.HolderName, pdf.Information.Title);
        Assert.Equal(certificate.IssuingUnit, pdf.Information.Author);
        Assert.Contains(certificate.Number.Value, pdf.Information.Subject);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Lang, out StringToken catalogLang));
        Assert.Equal(lang, catalogLang.Data);
    }

    [Fact]
    public void Qr_code_on_the_page_has_exactly_the_modules_of_the_verification_url()
    {
        var certificate = CertificateExamples.German();
        using var generator = new QRCodeGenerator();
        using var expected = generator.CreateQrCode(certificate.VerificationUrl.AbsoluteUri, QRCodeGenerator.ECCLevel.M);

        using var pdf = PdfDocument.Open(_renderer.Render(certificate).Pdf);

        var page = pdf.GetPage(1);
        Assert.Empty(page.GetImages()); // drawn as vectors
        var qr = QrVector.Read(page, expected.ModuleMatrix.Count);
        var modules = expected.ModuleMatrix.Count;
        for (var row = 0; row < modules; row++)
            for (var column = 0; column < modules; column++)
                Assert.True(expected.ModuleMatrix[row][column] == qr.IsDark(row, column), $"module {row},{column}");
    }

    [Fact]
    public void All_text_uses_the_embedded_liberation_fonts()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(CertificateExamples.German()).Pdf);

        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("Liberation", f));
    }

    [Fact]
    public void Rendering_the_same_snapshot_twice_gives_identical_bytes_and_hash()
    {
        var certificate = CertificateExamples.German();

        var first = _renderer.Render(certificate);
        var second = new CertificatePdfRenderer().Render(certificate);

        Assert.Equal(first.Pdf, second.Pdf);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first.Pdf)), first.Sha256);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Different_holders_give_different_hashes()
    {
        var certificate = CertificateExamples.German();

        var other = _renderer.Render(certificate with { HolderName = "Aylin Demir" });

        Assert.NotEqual(_renderer.Render(certificate).Sha256, other.Sha256);
    }

    [Fact]
    public void Parallel_renders_give_the_same_bytes_as_a_single_render()
    {
        var certificate = CertificateExamples.English();
        var expected = _renderer.Render(certificate).Sha256;

        var hashes = new string[16];
        Parallel.For(0, hashes.Length, i => hashes[i] = new CertificatePdfRenderer().Render(certificate).Sha256);

        Assert.All(hashes, h => Assert.Equal(expected, h));
    }

    [Fact]
    public void Overlong_title_is_cut_visibly_and_outcomes_that_do_not_fit_are_counted()
    {
        var certificate = CertificateExamples.German() with
        {
            CourseTitle = string.Join(' ', Enumerable.Repeat("Interkulturelle Öffnung der Verwaltung", 8)),
            LearningOutcomes = Enumerable.Range(1, 40).Select(i => $"Lernziel {i}: mit einer längeren Beschreibung, die eine zweite Zeile braucht, weil sie so ausführlich formuliert worden ist").ToList(),
        };

        using var pdf = PdfDocument.Open(_renderer.Render(certificate).Pdf);

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        var text = Squeeze(page.Text);
        Assert.DoesNotContain(Squeeze(certificate.CourseTitle), text);
        Assert.Contains("…Version", text);
        var shown = Regex.Matches(text, @"Lernziel(\d+):").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var notice = Regex.Match(text, @"…und(\d+)weitereLernergebnisse");
        Assert.True(notice.Success, "the page should say how many outcomes it leaves out");
        Assert.Equal(Enumerable.Range(1, shown.Count), shown);
        Assert.Equal(40, shown.Count + int.Parse(notice.Groups[1].Value));
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 0, page.Height));
    }

    [Fact]
    public void Outcomes_that_fit_are_all_shown_without_a_notice()
    {
        var text = PageText(_renderer.Render(CertificateExamples.German()).Pdf);

        Assert.DoesNotContain("weitereLernergebnisse", text);
    }

    // PdfPig rebuilds spaces from glyph positions, so compare text without white space.
    private static string PageText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(document.GetPage(1).Text);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>
/// Reads the modules back from the filled rectangles of the page (the QR code is its only filled path). Its quiet zone
/// of four modules is blank, so the dark area spans modules 4 to n − 5 and gives the module size and origin.
/// </summary>
internal sealed class QrVector(IReadOnlyList<UglyToad.PdfPig.Core.PdfRectangle> dark, double left, double top, double size)
{
    private const int QuietZone = 4;

    public static QrVector Read(UglyToad.PdfPig.Content.Page page, int modules)
    {
        var dark = page.Paths.Where(p => p.IsFilled)
            .SelectMany(p => p.Select(subpath => subpath.GetBoundingRectangle()))
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        Assert.NotEmpty(dark);
        var (left, right, top) = (dark.Min(r => r.Left), dark.Max(r => r.Right), dark.Max(r => r.Top));
        var size = (right - left) / (modules - 2 * QuietZone);
        return new QrVector(dark, left - QuietZone * size, top + QuietZone * size, size);
    }

    public bool IsDark(int row, int column)
    {
        // PDF's y axis points up: row 0 is at the top.
        var (x, y) = (left + (column + 0.5) * size, top - (row + 0.5) * size);
        return dark.Any(r => r.Left <= x && x <= r.Right && r.Bottom <= y && y <= r.Top);
    }
}
