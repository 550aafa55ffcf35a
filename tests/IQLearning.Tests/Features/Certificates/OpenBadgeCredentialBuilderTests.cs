using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

public class OpenBadgeCredentialBuilderTests
{
    private readonly OpenBadgeCredentialBuilder _builder = new();

    [Fact]
    public void Credential_starts_with_the_vc_2_context_then_the_open_badges_3_context()
    {
        var context = CredentialExamples.Credential()["@context"]!.AsArray().Select(c => c!.GetValue<string>());

        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], context);
    }

    [Fact]
    public void Credential_has_types_id_name_and_issuer_profile()
    {
        var certificate = CertificateExamples.German();

        var credential = CredentialExamples.Credential(certificate);

        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(credential["type"]));
        Assert.Equal(certificate.VerificationUrl.AbsoluteUri, credential["id"]!.GetValue<string>());
        Assert.Equal(certificate.CourseTitle, credential["name"]!.GetValue<string>());
        var issuer = credential["issuer"]!.AsObject();
        Assert.Equal(CredentialExamples.Issuer.Id.AbsoluteUri, issuer["id"]!.GetValue<string>());
        Assert.Equal(["Profile"], Strings(issuer["type"]));
        Assert.Equal(CredentialExamples.Issuer.Name, issuer["name"]!.GetValue<string>());
    }

    [Fact]
    public void Validity_is_given_in_utc_whole_seconds()
    {
        var certificate = CertificateExamples.German() with
        {
            IssuedAt = new DateTimeOffset(2025, 1, 15, 10, 30, 15, 900, TimeSpan.FromHours(1)),
            ValidUntil = new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)),
        };

        var credential = CredentialExamples.Credential(certificate);

        Assert.Equal("2025-01-15T09:30:15Z", credential["validFrom"]!.GetValue<string>());
        Assert.Equal("2027-06-30T22:00:00Z", credential["validUntil"]!.GetValue<string>());
    }

    [Fact]
    public void Credential_without_expiry_has_no_validUntil() =>
        Assert.False(CredentialExamples.Credential(CertificateExamples.German() with { ValidUntil = null }).ContainsKey("validUntil"));

    [Fact]
    public void Achievement_has_id_type_name_description_and_criteria_with_the_outcomes()
    {
        var certificate = CertificateExamples.German();

        var achievement = CredentialExamples.Credential(certificate)["credentialSubject"]!["achievement"]!.AsObject();

        Assert.Equal(CredentialExamples.Achievement.AbsoluteUri, achievement["id"]!.GetValue<string>());
        Assert.Equal(["Achievement"], Strings(achievement["type"]));
        Assert.Equal(certificate.CourseTitle, achievement["name"]!.GetValue<string>());
        Assert.Contains("7,5 Stunden", achievement["description"]!.GetValue<string>());
        var narrative = achievement["criteria"]!["narrative"]!.GetValue<string>();
        Assert.All(certificate.LearningOutcomes, o => Assert.Contains($"- {o}", narrative));
        Assert.Equal(certificate.CourseVersion, achievement["version"]!.GetValue<string>());
        Assert.Equal("de", achievement["inLanguage"]!.GetValue<string>());
    }

    [Fact]
    public void Subject_carries_its_id_and_a_salted_hash_of_the_email_but_never_the_address()
    {
        var recipient = BadgeRecipient.WithHashedEmail(" Zofia@Example.ORG ", "c0ffee", new Uri("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        var expectedHash = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("zofia@example.orgc0ffee")));

        var credential = _builder.Build(CertificateExamples.German(), CredentialExamples.Issuer, recipient, CredentialExamples.Achievement);

        var subject = credential["credentialSubject"]!.AsObject();
        Assert.Equal(["AchievementSubject"], Strings(subject["type"]));
        Assert.Equal("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", subject["id"]!.GetValue<string>());
        var identity = Assert.Single(subject["identifier"]!.AsArray())!.AsObject();
        Assert.Equal("IdentityObject", identity["type"]!.GetValue<string>());
        Assert.Equal("emailAddress", identity["identityType"]!.GetValue<string>());
        Assert.True(identity["hashed"]!.GetValue<bool>());
        Assert.Equal("c0ffee", identity["salt"]!.GetValue<string>());
        Assert.Equal(expectedHash, identity["identityHash"]!.GetValue<string>());
        Assert.DoesNotContain("example.org", credential.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Subject_known_only_by_id_has_no_identifier()
    {
        var credential = _builder.Build(CertificateExamples.English(), CredentialExamples.Issuer,
            BadgeRecipient.WithId(new Uri("did:example:123")), CredentialExamples.Achievement);

        var subject = credential["credentialSubject"]!.AsObject();
        Assert.Equal("did:example:123", subject["id"]!.GetValue<string>());
        Assert.False(subject.ContainsKey("identifier"));
        Assert.Equal("en", subject["achievement"]!["inLanguage"]!.GetValue<string>());
    }

    [Fact]
    public void New_salts_differ()
    {
        Assert.NotEqual(BadgeRecipient.NewSalt(), BadgeRecipient.NewSalt());
        Assert.Equal(32, BadgeRecipient.NewSalt().Length);
    }

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
