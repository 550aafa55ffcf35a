using System.Globalization;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// The fixed wording of the printed certificate in its two languages. It lives here, beside the layout, and not
/// in the site's UI strings: it is part of the document template, and changing it changes issued PDFs.
/// </summary>
internal sealed record CertificatePdfLabels(
    string PdfLanguage,
    CultureInfo Culture,
    string DateFormat,
    string Title,
    string Certifies,
    string Completed,
    string Version,
    string HourSingular,
    string HourPlural,
    string Scope,
    string Outcomes,
    string MoreOutcomesFormat,
    string IssuedOn,
    string ValidUntil,
    string IssuedBy,
    string Number,
    string VerifyAt,
    string QrCode)
{
    public static readonly CertificatePdfLabels German = new(
        PdfLanguage: "de-DE",
        Culture: CultureInfo.GetCultureInfo("de-DE"),
        DateFormat: "d. MMMM yyyy",
        Title: "Zertifikat",
        Certifies: "Hiermit wird bestätigt, dass",
        Completed: "den folgenden Kurs erfolgreich abgeschlossen hat:",
        Version: "Version",
        HourSingular: "Stunde",
        HourPlural: "Stunden",
        Scope: "Umfang",
        Outcomes: "Lernergebnisse",
        MoreOutcomesFormat: "… und {0} weitere Lernergebnisse",
        IssuedOn: "Ausgestellt am",
        ValidUntil: "Gültig bis",
        IssuedBy: "Ausgestellt von",
        Number: "Zertifikatsnummer",
        VerifyAt: "Echtheit prüfen:",
        QrCode: "QR-Code zur Echtheitsprüfung");

    public static readonly CertificatePdfLabels English = new(
        PdfLanguage: "en-GB",
        Culture: CultureInfo.GetCultureInfo("en-GB"),
        DateFormat: "d MMMM yyyy",
        Title: "Certificate",
        Certifies: "This is to certify that",
        Completed: "has successfully completed the course",
        Version: "Version",
        HourSingular: "hour",
        HourPlural: "hours",
        Scope: "Duration",
        Outcomes: "Learning outcomes",
        MoreOutcomesFormat: "… and {0} more learning outcomes",
        IssuedOn: "Issued on",
        ValidUntil: "Valid until",
        IssuedBy: "Issued by",
        Number: "Certificate number",
        VerifyAt: "Verify at:",
        QrCode: "QR code to verify this certificate");

    public static CertificatePdfLabels For(CertificateLanguage language) => language switch
    {
        CertificateLanguage.De => German,
        CertificateLanguage.En => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    public string Date(DateTimeOffset at) => at.ToString(DateFormat, Culture);

    public string MoreOutcomes(int count) => string.Format(Culture, MoreOutcomesFormat, count);

    public string Hours(decimal hours) =>
        $"{hours.ToString("0.##", Culture)} {(hours == 1 ? HourSingular : HourPlural)}";
}
