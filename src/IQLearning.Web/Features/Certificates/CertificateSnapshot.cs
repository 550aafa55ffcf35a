namespace IQLearning.Web.Features.Certificates;

/// <summary>The language a certificate is printed in.</summary>
public enum CertificateLanguage
{
    De,
    En,
}

/// <summary>
/// Everything a certificate shows, frozen at the moment of issue. The PDF and the Open Badge are made from this
/// alone, so a later change to the learner's name or to the course does not change an issued certificate.
/// Times carry the offset they are shown in (the host passes German time); the badge converts them to UTC.
/// </summary>
public sealed record CertificateSnapshot(
    string HolderName,
    string CourseTitle,
    string CourseVersion,
    decimal Hours,
    IReadOnlyList<string> LearningOutcomes,
    string IssuingUnit,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ValidUntil,
    CertificateNumber Number,
    Uri VerificationUrl,
    CertificateLanguage Language)
{
    public string HolderName { get; init; } = Required(HolderName, nameof(HolderName));
    public string CourseTitle { get; init; } = Required(CourseTitle, nameof(CourseTitle));
    public string CourseVersion { get; init; } = Required(CourseVersion, nameof(CourseVersion));
    public string IssuingUnit { get; init; } = Required(IssuingUnit, nameof(IssuingUnit));

    public decimal Hours { get; init; } = Hours > 0 ? Hours
        : throw new ArgumentOutOfRangeException(nameof(Hours), Hours, "A certificate covers a positive number of hours.");

    public IReadOnlyList<string> LearningOutcomes { get; init; } =
        LearningOutcomes.Any(string.IsNullOrWhiteSpace)
            ? throw new ArgumentException("A learning outcome must not be empty.", nameof(LearningOutcomes))
            : LearningOutcomes;

    public DateTimeOffset? ValidUntil { get; init; } = ValidUntil is { } until && until <= IssuedAt
        ? throw new ArgumentOutOfRangeException(nameof(ValidUntil), until, "A certificate must be valid for some time after its issue.")
        : ValidUntil;

    public CertificateNumber Number { get; init; } = Number == default
        ? throw new ArgumentException("A certificate needs a number.", nameof(Number))
        : Number;

    public Uri VerificationUrl { get; init; } = VerificationUrl.IsAbsoluteUri && VerificationUrl.Scheme is "https" or "http"
        ? VerificationUrl
        : throw new ArgumentException("The verification URL must be an absolute http(s) URL.", nameof(VerificationUrl));

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Must not be empty.", name) : value;
}
