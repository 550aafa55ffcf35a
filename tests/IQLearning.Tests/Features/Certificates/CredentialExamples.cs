using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

/// <summary>Issuer, recipient and keys for the credential tests. RSA 3072 keys take a while to make, so they are shared.</summary>
internal static class CredentialExamples
{
    public static readonly CredentialSigningKeys Keys = CredentialSigningKeys.CreateNew();

    public static readonly BadgeIssuer Issuer = new(
        new Uri("https://iqlearning.example/issuers/ikud"),
        "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
        new Uri("https://iqlearning.example/"));

    public static readonly Uri Achievement = new("https://iqlearning.example/achievements/adg-basis/2.1");

    public static BadgeRecipient Recipient() =>
        BadgeRecipient.WithHashedEmail("zofia@example.org", "3f1c9a", new Uri("urn:uuid:0d6b3c9e-2c55-4f7e-9a43-5b8f0f2f7f10"));

    public static System.Text.Json.Nodes.JsonObject Credential(CertificateSnapshot? certificate = null) =>
        new OpenBadgeCredentialBuilder().Build(certificate ?? CertificateExamples.German(), Issuer, Recipient(), Achievement);
}

/// <summary>A clock that stands where the test puts it.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
