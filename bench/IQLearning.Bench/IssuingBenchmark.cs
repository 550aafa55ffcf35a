using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IQLearning.Web.Features.Certificates;
using IQLearning.Web.Features.Certificates.Issuing;
using PdfSharp;
using PdfSharp.Pdf;

namespace IQLearning.Bench;

/// <summary>
/// What issuing one certificate costs end to end — snapshot, PDF with QR code, Open Badge signed with RS256, the
/// certificate row, two outbox mails (learner with the PDF, employer) and their delivery rows, committed to a real SQLite
/// file — next to an empty one-page PDF from the same library, measured in the same loop.
/// </summary>
internal static class IssuingBenchmark
{
    public static async Task RunAsync(int iterations, int warmUp, TextWriter output)
    {
        await using var site = await BenchSite.StartAsync();
        var issue = new Timings("(a) issue: PDF + sign RS256 + rows, committed");
        var bare = new Timings("(b) bare one-page A4 PDF (PDFsharp, empty)");
        var pure = new Timings("    for comparison: the same PDF + sign, no database");
        var last = await site.IssueAsync(-1);
        using var keys = CredentialSigningKeys.CreateNew();
        var snapshot = new CertificateSnapshot(last.HolderName, last.CourseTitle, last.CourseVersionLabel, last.Hours,
            ["Formen von Diskriminierung nach dem AGG erkennen", "Eigene Routinen prüfen", "Handlungsmöglichkeiten kennen"], last.IssuingUnit,
            GermanTime.Of(last.IssuedAt), GermanTime.Of(last.ExpiresAt!.Value), CertificateNumber.Parse(last.Number), new Uri(last.VerificationUrl),
            CertificateLanguage.De);
        var issuer = new BadgeIssuer(new Uri("https://lernen.iq.example/issuers/fachstelle-ika"), last.IssuingUnit);
        void PureSteps()
        {
            new CertificatePdfRenderer().Render(snapshot);
            new VcJwtSigner(keys).Sign(new OpenBadgeCredentialBuilder().Build(snapshot, issuer,
                BadgeRecipient.WithHashedEmail("learner@example.org", BadgeRecipient.NewSalt()), new Uri("https://lernen.iq.example/courses/adg-basis")));
        }

        for (var i = 0; i < warmUp; i++) { await site.IssueAsync(i); BarePdf(); PureSteps(); }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await site.IssueAsync(warmUp + i);
            issue.Add(Stopwatch.GetElapsedTime(start));
            start = Stopwatch.GetTimestamp();
            BarePdf();
            bare.Add(Stopwatch.GetElapsedTime(start));
            start = Stopwatch.GetTimestamp();
            PureSteps();
            pure.Add(Stopwatch.GetElapsedTime(start));
        }

        output.WriteLine($"Issuing benchmark: {iterations} certificates after {warmUp} warm-up issues, SQLite file in WAL mode");
        output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {BuildConfiguration}");
        output.WriteLine();
        output.WriteLine($"{"",-50} {"median",12} {"p95",12}");
        output.WriteLine(issue.Row());
        output.WriteLine(pure.Row());
        output.WriteLine(bare.Row());
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare PDF as a share of issuing: median {bare.Median / issue.Median:P1}, p95 {bare.P95 / issue.P95:P1} (issuing/bare: {issue.Median / bare.Median:F1}x)"));
    }

    private static void BarePdf()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
    }

#if DEBUG
    private const string BuildConfiguration = "DEBUG build: figures are not representative, use -c Release";
#else
    private const string BuildConfiguration = "Release build";
#endif
}
