using System.Globalization;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Infrastructure;
using IQLearning.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Certificates.Issuing;

/// <summary>
/// The texts of the certificate mails. The learner's mail is in their language and carries the PDF; the
/// organization's mail says only what the organization needs (name, course, date, number, verification link) and
/// carries the PDF only where the organization asked for it.
/// </summary>
public sealed class CertificateMails(IStringLocalizer<CertificateMails> t, PublicLinks links)
{
    public OutgoingMail ToLearner(IssuedCertificate certificate, string address, string language) =>
        InCulture(language, () => new OutgoingMail(address, certificate.HolderName,
            t["Certificates.Mail.Learner.Subject", certificate.CourseTitle],
            t["Certificates.Mail.Learner.Body", certificate.HolderName, certificate.CourseTitle, certificate.CourseVersionLabel,
                certificate.Number, IssueDate(certificate), Expiry(certificate), certificate.VerificationUrl, links.Absolute("/certificates")])
        {
            Attachments = Pdf(certificate),
        });

    /// <summary>In the certificate's language: the organization has no language of its own, the certificate it receives does.</summary>
    public OutgoingMail ToOrganization(IssuedCertificate certificate, string address, bool attachPdf, string basis) =>
        InCulture(certificate.Language, () => new OutgoingMail(address, null,
            t["Certificates.Mail.Organization.Subject", certificate.HolderName, certificate.CourseTitle],
            t["Certificates.Mail.Organization.Body", certificate.HolderName, certificate.CourseTitle, certificate.CourseVersionLabel,
                IssueDate(certificate), certificate.Number, certificate.VerificationUrl,
                t[basis == LawfulBasis.Assignment ? "Certificates.Mail.Organization.BecauseAssigned" : "Certificates.Mail.Organization.BecauseConsent"]])
        {
            Attachments = attachPdf ? Pdf(certificate) : [],
        });

    private static IReadOnlyList<(string, string, byte[])> Pdf(IssuedCertificate certificate) =>
        certificate.Pdf is { } pdf ? [($"{certificate.Number}.pdf", "application/pdf", pdf)] : [];

    private static string IssueDate(IssuedCertificate certificate) => GermanTime.Of(certificate.IssuedAt).ToString("d", CultureInfo.CurrentCulture);

    private string Expiry(IssuedCertificate certificate) => certificate.ExpiresAt is { } expires
        ? t["Certificates.Mail.ValidUntil", GermanTime.Of(expires).ToString("d", CultureInfo.CurrentCulture)]
        : t["Certificates.Mail.NoExpiry"];

    private static OutgoingMail InCulture(string language, Func<OutgoingMail> write)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = CultureInfo.GetCultureInfo(TextCatalog.SupportedCultures.Contains(language) ? language : TextCatalog.DefaultCulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = chosen;
        try { return write(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture); }
    }
}
