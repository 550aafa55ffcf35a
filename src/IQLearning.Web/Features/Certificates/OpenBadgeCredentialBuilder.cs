using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Builds the Open Badges 3.0 <c>OpenBadgeCredential</c> (W3C VC Data Model 2.0) for an issued certificate, unsigned.
/// The credential's id is the certificate's verification URL, so a wallet that follows it lands on our check page.
/// </summary>
public sealed class OpenBadgeCredentialBuilder
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public JsonObject Build(CertificateSnapshot certificate, BadgeIssuer issuer, BadgeRecipient recipient, Uri achievementId)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(recipient);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = certificate.VerificationUrl.AbsoluteUri,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = Issuer(issuer),
            ["validFrom"] = Timestamp(certificate.IssuedAt),
        };
        if (certificate.ValidUntil is { } until) credential["validUntil"] = Timestamp(until);
        credential["name"] = certificate.CourseTitle;
        credential["awardedDate"] = Timestamp(certificate.IssuedAt);
        credential["credentialSubject"] = Subject(certificate, recipient, achievementId);
        return credential;
    }

    /// <summary>
    /// Whole seconds in UTC: the JWT's nbf/exp are whole seconds and must equal validFrom/validUntil.
    /// </summary>
    public static string Timestamp(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Issuer(BadgeIssuer issuer)
    {
        var profile = new JsonObject
        {
            ["id"] = issuer.Id.AbsoluteUri,
            ["type"] = new JsonArray("Profile"),
            ["name"] = issuer.Name,
        };
        if (issuer.Url is { } url) profile["url"] = url.AbsoluteUri;
        if (issuer.Email is { } email) profile["email"] = email;
        return profile;
    }

    private static JsonObject Subject(CertificateSnapshot certificate, BadgeRecipient recipient, Uri achievementId)
    {
        var subject = new JsonObject();
        if (recipient.Id is { } id) subject["id"] = id.AbsoluteUri;
        subject["type"] = new JsonArray("AchievementSubject");
        if (recipient.EmailHash is { } hash)
            subject["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityType"] = "emailAddress",
                ["hashed"] = true,
                ["identityHash"] = hash,
                ["salt"] = recipient.Salt,
            });
        subject["achievement"] = Achievement(certificate, achievementId);
        return subject;
    }

    private static JsonObject Achievement(CertificateSnapshot certificate, Uri achievementId)
    {
        var texts = BadgeTexts.For(certificate.Language);
        return new JsonObject
        {
            ["id"] = achievementId.AbsoluteUri,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Course",
            ["name"] = certificate.CourseTitle,
            ["description"] = texts.Description(certificate),
            ["criteria"] = new JsonObject { ["narrative"] = texts.Criteria(certificate) },
            ["version"] = certificate.CourseVersion,
            ["inLanguage"] = texts.Language,
        };
    }

    // The few sentences a wallet shows, in the certificate's language. The narrative is Markdown, as the spec allows.
    private sealed record BadgeTexts(string Language, CultureInfo Culture, string DescriptionFormat, string CriteriaFormat, string Outcomes)
    {
        private static readonly BadgeTexts German = new("de", CultureInfo.GetCultureInfo("de-DE"),
            "Kurs „{0}“, Version {1}, Umfang {2} Stunden, ausgestellt von {3}.",
            "Den Kurs „{0}“ (Version {1}) nach den Abschlussregeln der ausstellenden Fachstelle erfolgreich abgeschlossen.",
            "Lernergebnisse:");

        private static readonly BadgeTexts English = new("en", CultureInfo.GetCultureInfo("en-GB"),
            "Course “{0}”, version {1}, {2} hours, issued by {3}.",
            "Successfully completed the course “{0}” (version {1}) under the completion rules of the issuing unit.",
            "Learning outcomes:");

        public static BadgeTexts For(CertificateLanguage language) => language == CertificateLanguage.En ? English : German;

        public string Description(CertificateSnapshot c) =>
            string.Format(Culture, DescriptionFormat, c.CourseTitle, c.CourseVersion, c.Hours.ToString("0.##", Culture), c.IssuingUnit);

        public string Criteria(CertificateSnapshot c)
        {
            var text = new StringBuilder(string.Format(Culture, CriteriaFormat, c.CourseTitle, c.CourseVersion));
            if (c.LearningOutcomes.Count == 0) return text.ToString();
            text.Append("\n\n").Append(Outcomes).Append('\n');
            foreach (var outcome in c.LearningOutcomes) text.Append("\n- ").Append(outcome);
            return text.ToString();
        }
    }
}
