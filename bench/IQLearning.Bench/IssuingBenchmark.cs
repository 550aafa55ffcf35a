using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IQLearning.Web.Features.Certificates;
using IQLearning.Web.Features.Certificates.Issuing;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace IQLearning.Bench;

/// <summary>
/// What issuing one certificate costs end to end — snapshot, PDF with QR code, Open Badge signed with RS256, the
/// certificate row, two outbox mails (learner with the PDF, employer) and their delivery rows, committed to a real SQLite
/// file — next to two floors made by the same library in the same loop: an empty page, and a realistic bare page
/// (A4 landscape, the certificate's embedded fonts, a few lines of text). The parts of an issue are timed apart, so the
/// report says where the time goes.
/// </summary>
internal static class IssuingBenchmark
{
    private const double TargetShare = 0.5;
    private const double TargetMedianMs = 25;

    public static async Task RunAsync(int iterations, int warmUp, TextWriter output)
    {
        await using var site = await BenchSite.StartAsync();
        var issue = new Timings("(a) issue: PDF + sign RS256 + rows, committed");
        var database = new Timings("    of which SQL commands (EF Core, SQLite)");
        var commit = new Timings("    of which commit");
        var pure = new Timings("    the same PDF + sign one after the other, no DB");
        var render = new Timings("      render PDF (layout, QR, fonts, save, hash)");
        var qr = new Timings("        of which QR code matrix (QRCoder)");
        var sign = new Timings("      build Open Badge + sign RS256");
        var empty = new Timings("(b) empty one-page A4 PDF (PDFsharp)");
        var floor = new Timings("(b') bare A4 landscape page: embedded fonts + text");
        var steps = await PureSteps.ForAsync(site);

        for (var i = 0; i < warmUp; i++) { await site.IssueAsync(i); steps.Render(); steps.Sign(); steps.QrCode(); EmptyPdf(); BarePdf(); }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var commands = 0;
        for (var i = 0; i < iterations; i++)
        {
            site.Database.Reset();
            issue.Measure(() => site.IssueAsync(warmUp + i).GetAwaiter().GetResult());
            database.Add(site.Database.InCommands);
            commit.Add(site.Database.InCommits);
            commands = site.Database.Commands;
            var rendered = render.Measure(steps.Render);
            pure.Add(rendered + sign.Measure(steps.Sign));
            qr.Measure(steps.QrCode);
            empty.Measure(EmptyPdf);
            floor.Measure(BarePdf);
        }
        var (cpu, wall) = await IssuesInARowAsync(site, warmUp + iterations, iterations);

        output.WriteLine($"Issuing benchmark: {iterations} certificates after {warmUp} warm-up issues, SQLite file in WAL mode");
        output.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {BuildConfiguration}");
        output.WriteLine();
        output.WriteLine($"{"",-50} {"median",12} {"p95",12}");
        foreach (var row in new[] { issue, database, commit, pure, render, qr, sign, empty, floor }) output.WriteLine(row.Row());
        output.WriteLine();
        output.WriteLine($"SQL commands per issue: {commands}; certificate PDF {steps.PdfBytes / 1024.0:F1} KiB, bare page {BarePdfBytes / 1024.0:F1} KiB");
        // Issuing renders and signs on two pool threads at once: (a) is its latency; the CPU it costs is this.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{iterations} more issues in a row: CPU per issue {cpu.TotalMilliseconds / iterations:F2} ms (process CPU time, all threads), wall clock per issue {wall.TotalMilliseconds / iterations:F2} ms"));
        output.WriteLine(Compare("b'", floor, issue));
        output.WriteLine(Compare("b", empty, issue));
    }

    /// <summary>
    /// The process's CPU time and the wall-clock time of <paramref name="count"/> issues one after the other, nothing else
    /// in the loop: Linux counts CPU time in 10 ms ticks, so it is read over the whole loop, not per issue.
    /// </summary>
    private static async Task<(TimeSpan Cpu, TimeSpan Wall)> IssuesInARowAsync(BenchSite site, int first, int count)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await site.IssueAsync(first + i);
        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return (process.TotalProcessorTime - cpu, wall);
    }

    /// <summary>The issue's figure: the floor as a share of issuing (b/a), and whether the targets are met.</summary>
    private static string Compare(string label, Timings floor, Timings issue)
    {
        var share = floor.Median / issue.Median;
        return string.Create(CultureInfo.InvariantCulture,
            $"({label}) / (a): median {share:P1} (p95 {floor.P95 / issue.P95:P1}), " +
            $"target ≥ {TargetShare:P0} {(share >= TargetShare ? "met" : "NOT met")}; " +
            $"issuing median {issue.Median:F1} ms, target ≤ {TargetMedianMs} ms {(issue.Median <= TargetMedianMs ? "met" : "NOT met")}");
    }

    /// <summary>One empty A4 landscape page, saved to memory: what any PDF costs at the least.</summary>
    public static void EmptyPdf()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
    }

    private static int BarePdfBytes;

    /// <summary>
    /// The floor a certificate cannot go below: one A4 landscape page with the three embedded, subset font faces the
    /// certificate uses (Liberation Sans regular and bold, Serif bold) and a few lines of text in each — no QR code, no structure tree, no signature, no database.
    /// </summary>
    private static void BarePdf()
    {
        CertificateFonts.EnsureRegistered();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = 60.0;
            foreach (var (family, bold, size, text) in BareLines)
            {
                var font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                gfx.DrawString(text, font, XBrushes.Black, new XRect(70, y, page.Width.Point - 140, size * 1.3), XStringFormats.TopCenter);
                y += size * 1.6;
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        BarePdfBytes = (int)stream.Length;
    }

    private static readonly (string Family, bool Bold, double Size, string Text)[] BareLines =
    [
        (CertificateFonts.Sans, false, 12, "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung"),
        (CertificateFonts.Serif, true, 40, "Zertifikat"),
        (CertificateFonts.Sans, false, 13, "Hiermit wird bestätigt, dass"),
        (CertificateFonts.Serif, true, 30, "Zofia Łukasiewicz-Müller"),
        (CertificateFonts.Sans, false, 13, "den folgenden Kurs erfolgreich abgeschlossen hat:"),
        (CertificateFonts.Serif, true, 22, "Antidiskriminierung in der Arbeitsvermittlung – Basismodul"),
        (CertificateFonts.Sans, true, 11, "Lernergebnisse"),
        (CertificateFonts.Sans, false, 10, "Ausgestellt am 29. November 2026 · Gültig bis 29. November 2028 · IQ-2026-7KQ4-9XTM"),
    ];

    /// <summary>The certificate's PDF and signature as issuing makes them, for the same snapshot as the last warm-up issue.</summary>
    private sealed class PureSteps(CertificateSnapshot snapshot, BadgeIssuer issuer, IssuerSigningKeys keys)
    {
        private readonly CertificatePdfRenderer _renderer = new();
        private readonly OpenBadgeCredentialBuilder _badges = new();

        public int PdfBytes { get; private set; }

        public static async Task<PureSteps> ForAsync(BenchSite site)
        {
            var last = await site.IssueAsync(-1);
            var snapshot = new CertificateSnapshot(last.HolderName, last.CourseTitle, last.CourseVersionLabel, last.Hours,
                ["Formen von Diskriminierung nach dem AGG erkennen", "Eigene Routinen prüfen", "Handlungsmöglichkeiten kennen"], last.IssuingUnit,
                GermanTime.Of(last.IssuedAt), GermanTime.Of(last.ExpiresAt!.Value), CertificateNumber.Parse(last.Number), new Uri(last.VerificationUrl),
                CertificateLanguage.De);
            var issuer = new BadgeIssuer(new Uri("https://lernen.iq.example/issuers/fachstelle-ika"), last.IssuingUnit);
            return new PureSteps(snapshot, issuer, site.Services.GetRequiredService<IssuerSigningKeys>());
        }

        public void Render() => PdfBytes = _renderer.Render(snapshot).Pdf.Length;

        public void Sign() => new VcJwtSigner(keys.Current).Sign(_badges.Build(snapshot, issuer,
            BadgeRecipient.WithHashedEmail("learner@example.org", BadgeRecipient.NewSalt()), new Uri("https://lernen.iq.example/courses/adg-basis")));

        /// <summary>The QR code's matrix from QRCoder, which the renderer draws as rectangles.</summary>
        public void QrCode()
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(snapshot.VerificationUrl.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        }
    }

#if DEBUG
    private const string BuildConfiguration = "DEBUG build: figures are not representative, use -c Release";
#else
    private const string BuildConfiguration = "Release build";
#endif
}
