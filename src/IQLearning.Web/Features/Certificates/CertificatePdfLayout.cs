using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using static IQLearning.Web.Features.Certificates.CertificatePdfText;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Where everything sits on the A4 landscape page (842 × 595 pt): a centred statement in the upper half,
/// the learning outcomes bottom left, dates and issuer below them, QR code and number bottom right. Everything is
/// tagged as it is drawn (PDF/UA): a heading, paragraphs and a list in reading order, the QR code as a figure with its
/// URL as alternative text, and the frame as an artifact that screen readers skip.
/// </summary>
internal sealed class CertificatePdfLayout(
    XGraphics gfx, StructureBuilder structure, double pageWidth, double pageHeight, CertificateSnapshot certificate, CertificatePdfLabels labels)
{
    private const double Margin = 70;
    private const double RightColumnWidth = 210;
    private const double QrSize = 110;
    private static readonly XColor Ink = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    // Per render, not static: PDFsharp's brushes are mutable objects and renders run in parallel.
    private readonly XBrush _inkBrush = new XSolidBrush(Ink);
    private readonly XBrush _textBrush = new XSolidBrush(XColor.FromArgb(0x22, 0x22, 0x22));
    private readonly XBrush _mutedBrush = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));

    private double ContentWidth => pageWidth - 2 * Margin;
    private double LeftColumnWidth => ContentWidth - RightColumnWidth - 30;
    private double RightColumnX => pageWidth - Margin - RightColumnWidth;

    public void Draw(bool[][] qrCode)
    {
        DrawBorder();
        var y = DrawStatement();
        // The details sit at the bottom and decide how far the outcomes may go, but they are read after them.
        var details = IssueDetails();
        DrawOutcomes(y + 24, details.Top - 16);
        DrawLines(details.Lines, details.Font, _textBrush, Margin, details.Top, LeftColumnWidth, XStringFormats.TopLeft);
        DrawVerification(qrCode, y + 24);
    }

    private void DrawBorder()
    {
        structure.BeginArtifact();
        gfx.DrawRectangle(new XPen(Ink, 2.5), 24, 24, pageWidth - 48, pageHeight - 48);
        gfx.DrawRectangle(new XPen(Ink, 0.75), 31, 31, pageWidth - 62, pageHeight - 62);
        structure.End();
    }

    /// <summary>Issuer, title, holder and course, centred; returns where the statement ends.</summary>
    private double DrawStatement()
    {
        var y = 52.0;
        y = Centred(certificate.IssuingUnit, CertificateFonts.Sans, XFontStyleEx.Regular, 12, 10, 1, y, _mutedBrush) + 6;
        y = Centred(labels.Title, CertificateFonts.Serif, XFontStyleEx.Bold, 40, 40, 1, y, _inkBrush, PdfBlockLevelElementTag.Heading1) + 8;
        y = Centred(labels.Certifies, CertificateFonts.Sans, XFontStyleEx.Regular, 13, 13, 1, y, _textBrush) + 6;
        y = Centred(certificate.HolderName, CertificateFonts.Serif, XFontStyleEx.Bold, 30, 18, 1, y, _inkBrush) + 6;
        y = Centred(labels.Completed, CertificateFonts.Sans, XFontStyleEx.Regular, 13, 13, 1, y, _textBrush) + 6;
        y = Centred(certificate.CourseTitle, CertificateFonts.Serif, XFontStyleEx.Bold, 22, 14, 2, y, _inkBrush) + 4;
        var scope = $"{labels.Version} {certificate.CourseVersion} · {labels.Scope}: {labels.Hours(certificate.Hours)}";
        return Centred(scope, CertificateFonts.Sans, XFontStyleEx.Regular, 11, 9, 1, y, _mutedBrush);
    }

    private double Centred(string text, string family, XFontStyleEx style, double maxSize, double minSize, int maxLines, double y, XBrush brush,
        PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
    {
        var fitted = Fit(gfx, text, family, style, maxSize, minSize, ContentWidth, maxLines);
        return DrawLines(fitted.Lines, fitted.Font, brush, Margin, y, ContentWidth, XStringFormats.TopCenter, tag);
    }

    /// <summary>
    /// The learning outcomes as a bulleted list. What does not fit is not dropped silently: the last line then
    /// says how many outcomes are left out (the full list is in the Open Badge and on the verification page).
    /// </summary>
    private void DrawOutcomes(double top, double bottom)
    {
        var outcomes = certificate.LearningOutcomes;
        if (outcomes.Count == 0) return;
        var heading = new XFont(CertificateFonts.Sans, 11, XFontStyleEx.Bold);
        var y = DrawLines([labels.Outcomes], heading, _inkBrush, Margin, top, LeftColumnWidth, XStringFormats.TopLeft, PdfBlockLevelElementTag.Heading2) + 4;
        structure.BeginElement(PdfBlockLevelElementTag.List);
        DrawOutcomeItems(outcomes, y, bottom);
        structure.End();
    }

    private void DrawOutcomeItems(IReadOnlyList<string> outcomes, double y, double bottom)
    {
        var font = new XFont(CertificateFonts.Sans, 10);
        var lineHeight = font.GetHeight();
        const double indent = 12, spacing = 2;
        var width = LeftColumnWidth - indent;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var following = outcomes.Count - i - 1;
            var room = (int)Math.Floor((bottom - y - (following > 0 ? lineHeight + spacing : 0)) / lineHeight);
            var lines = Wrap(gfx, outcomes[i], font, width);
            if (following > 0 && lines.Count > room)
            {
                structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                DrawLines([labels.MoreOutcomes(following + 1)], font, _mutedBrush, Margin + indent, y, width, XStringFormats.TopLeft,
                    PdfBlockLevelElementTag.ListBody);
                structure.End();
                return;
            }
            if (room < 1) return;
            structure.BeginElement(PdfBlockLevelElementTag.ListItem);
            structure.BeginElement(PdfBlockLevelElementTag.Label);
            gfx.DrawString("•", font, _textBrush, new XRect(Margin, y, indent, lineHeight), XStringFormats.TopLeft);
            structure.End();
            y = DrawLines(Truncate(gfx, lines, font, width, room), font, _textBrush, Margin + indent, y, width, XStringFormats.TopLeft,
                PdfBlockLevelElementTag.ListBody) + spacing;
            structure.End();
        }
    }

    private sealed record Block(List<string> Lines, XFont Font, double Top);

    /// <summary>Issue date, expiry and issuer at the bottom left, one line each.</summary>
    private Block IssueDetails()
    {
        var font = new XFont(CertificateFonts.Sans, 10);
        var details = new List<string> { $"{labels.IssuedOn}: {labels.Date(certificate.IssuedAt)}" };
        if (certificate.ValidUntil is { } until) details.Add($"{labels.ValidUntil}: {labels.Date(until)}");
        details.Add($"{labels.IssuedBy}: {certificate.IssuingUnit}");
        var lines = details.SelectMany(d => Truncate(gfx, Wrap(gfx, d, font, LeftColumnWidth), font, LeftColumnWidth, 1)).ToList();
        return new Block(lines, font, pageHeight - 56 - lines.Count * font.GetHeight());
    }

    /// <summary>QR code, certificate number and the verification URL as text for those who cannot scan.</summary>
    private void DrawVerification(bool[][] qrCode, double top)
    {
        var x = RightColumnX;
        var qrArea = new XRect(x + (RightColumnWidth - QrSize) / 2, top, QrSize, QrSize);
        structure.BeginElement(PdfIllustrationElementTag.Figure, $"{labels.QrCode}: {certificate.VerificationUrl.AbsoluteUri}", qrArea);
        DrawQrCode(qrCode, qrArea);
        structure.End();
        var y = top + QrSize + 6;
        var label = new XFont(CertificateFonts.Sans, 9);
        var number = new XFont(CertificateFonts.Sans, 12, XFontStyleEx.Bold);
        y = DrawLines([labels.Number], label, _mutedBrush, x, y, RightColumnWidth, XStringFormats.TopCenter);
        y = DrawLines([certificate.Number.Value], number, _inkBrush, x, y, RightColumnWidth, XStringFormats.TopCenter) + 6;
        y = DrawLines([labels.VerifyAt], label, _mutedBrush, x, y, RightColumnWidth, XStringFormats.TopCenter);
        // A URL reads and types best on one line, so shrink it first and wrap it only when it is very long.
        var url = certificate.VerificationUrl.AbsoluteUri;
        var fitted = Fit(gfx, url, CertificateFonts.Sans, XFontStyleEx.Regular, 9, 7, RightColumnWidth, 1);
        if (fitted.IsCut) fitted = Fit(gfx, url, CertificateFonts.Sans, XFontStyleEx.Regular, 9, 6, RightColumnWidth, 2);
        DrawLines(fitted.Lines, fitted.Font, _textBrush, x, y, RightColumnWidth, XStringFormats.TopCenter);
    }

    /// <summary>The dark modules, a rectangle for each run in a row, filled as one path so no seams show between them.</summary>
    private void DrawQrCode(bool[][] modules, XRect area)
    {
        var size = area.Width / modules.Length;
        var runs = new List<XRect>();
        for (var row = 0; row < modules.Length; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (!modules[row][column]) continue;
                var start = column;
                while (column + 1 < modules[row].Length && modules[row][column + 1]) column++;
                runs.Add(new XRect(area.X + start * size, area.Y + row * size, (column - start + 1) * size, size));
            }
        }
        gfx.DrawRectangles(new XSolidBrush(XColors.Black), [.. runs]);
    }

    /// <summary>Draws the lines as one structure element (a paragraph unless said otherwise); returns where they end.</summary>
    private double DrawLines(IEnumerable<string> lines, XFont font, XBrush brush, double x, double y, double width, XStringFormat format,
        PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
    {
        var height = font.GetHeight();
        structure.BeginElement(tag);
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, brush, new XRect(x, y, width, height), format);
            y += height;
        }
        structure.End();
        return y;
    }
}
