using System.Globalization;
using System.Runtime.InteropServices;
using IQLearning.Web.Features.Certificates;

namespace IQLearning.Bench;

/// <summary>
/// What one certificate costs — render the PDF (with QR code), build the Open Badge and sign it (RS256) — next to
/// what PDFsharp needs for an empty one-page PDF. Both are measured in the same loop, one after the other, so
/// that a busy machine slows both alike and the ratio stays meaningful.
/// </summary>
internal static class CertificateBenchmark
{
    public static void Run(int iterations, int warmUp, TextWriter output)
    {
        using var keys = CredentialSigningKeys.CreateNew();
        var steps = new CertificateSteps(keys);
        var certificate = Timings("(a) certificate: render PDF + build + sign RS256");
        var render = Timings("    of which render PDF (incl. QR code)");
        var sign = Timings("    of which build credential + sign RS256");
        var signEs256 = Timings("    for comparison: build + sign ES256");
        var bare = Timings("(b) bare one-page A4 PDF (PDFsharp, empty)");

        for (var i = 0; i < warmUp; i++) steps.OneOfEach();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        for (var i = 0; i < iterations; i++)
        {
            var rendered = render.Measure(steps.Render);
            var signed = sign.Measure(steps.SignRs256);
            certificate.Add(rendered + signed);
            signEs256.Measure(steps.SignEs256);
            bare.Measure(steps.BarePdf);
        }

        Report(output, iterations, warmUp, steps.PdfBytes, certificate, render, sign, signEs256, bare);
    }

    private static Timings Timings(string name) => new(name);

    private static void Report(TextWriter output, int iterations, int warmUp, int pdfBytes, Timings certificate, params Timings[] rows)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine($"Certificates benchmark: {iterations} iterations after {warmUp} warm-up runs");
        output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {BuildConfiguration}");
        output.WriteLine();
        output.WriteLine($"{"",-50} {"median",12} {"p95",12}");
        output.WriteLine(certificate.Row());
        foreach (var row in rows) output.WriteLine(row.Row());
        var bare = rows[^1];
        output.WriteLine();
        output.WriteLine(string.Create(invariant, $"ratio (a)/(b): median {certificate.Median / bare.Median:F1}x, p95 {certificate.P95 / bare.P95:F1}x"));
        output.WriteLine(string.Create(invariant, $"certificate PDF size: {pdfBytes / 1024.0:F1} KiB"));
    }

#if DEBUG
    private const string BuildConfiguration = "DEBUG build: figures are not representative, use -c Release";
#else
    private const string BuildConfiguration = "Release build";
#endif

    /// <summary>The measured steps, each a complete unit of work as the issuing code would do it.</summary>
    private sealed class CertificateSteps(CredentialSigningKeys keys)
    {
        private readonly CertificatePdfRenderer _renderer = new();
        private readonly OpenBadgeCredentialBuilder _builder = new();
        private readonly VcJwtSigner _signer = new(keys);
        private readonly CertificateSnapshot _snapshot = Snapshot();
        private readonly BadgeIssuer _issuer = new(new Uri("https://iqlearning.example/issuers/ikud"), "IQ Fachstelle IKA");
        private readonly BadgeRecipient _recipient = BadgeRecipient.WithHashedEmail("learner@example.org", BadgeRecipient.NewSalt());
        private readonly Uri _achievement = new("https://iqlearning.example/achievements/adg-basis/2.1");

        public int PdfBytes { get; private set; }

        public void Render() => PdfBytes = _renderer.Render(_snapshot).Pdf.Length;

        public void SignRs256() => _signer.Sign(_builder.Build(_snapshot, _issuer, _recipient, _achievement), SigningAlgorithm.RS256);

        public void SignEs256() => _signer.Sign(_builder.Build(_snapshot, _issuer, _recipient, _achievement), SigningAlgorithm.ES256);

        public void BarePdf() => IssuingBenchmark.EmptyPdf();

        public void OneOfEach()
        {
            Render();
            SignRs256();
            SignEs256();
            BarePdf();
        }

        private static CertificateSnapshot Snapshot()
        {
            var issued = new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(1));
            var number = CertificateNumber.New(2025);
            return new CertificateSnapshot(
                "Zofia Łukasiewicz-Müller", "Antidiskriminierung in der Arbeitsvermittlung – Basismodul", "2.1", 7.5m,
                ["Formen von Diskriminierung nach dem AGG erkennen", "Eigene Routinen prüfen", "Handlungsmöglichkeiten kennen"],
                "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung", issued, issued.AddYears(2),
                number, new Uri($"https://iqlearning.example/verify/{number}"), CertificateLanguage.De);
        }
    }
}
