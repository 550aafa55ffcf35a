using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

/// <summary>Certificates as the issuing code would build them, for the tests to vary.</summary>
internal static class CertificateExamples
{
    public static readonly TimeSpan GermanWinterTime = TimeSpan.FromHours(1);

    public static CertificateSnapshot German(CertificateNumber? number = null) => new(
        HolderName: "Zofia Łukasiewicz-Müller",
        CourseTitle: "Antidiskriminierung in der Arbeitsvermittlung – Basismodul",
        CourseVersion: "2.1",
        Hours: 7.5m,
        LearningOutcomes:
        [
            "Formen von Diskriminierung nach dem AGG erkennen und benennen",
            "Eigene Routinen in Beratungsgesprächen auf Benachteiligung prüfen",
            "Handlungsmöglichkeiten bei einem Vorfall kennen und nutzen",
        ],
        IssuingUnit: "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
        IssuedAt: new DateTimeOffset(2025, 1, 15, 10, 30, 0, GermanWinterTime),
        ValidUntil: new DateTimeOffset(2027, 1, 15, 23, 59, 59, GermanWinterTime),
        Number: number ?? CertificateNumber.New(2025),
        VerificationUrl: new Uri("https://iqlearning.example/verify/IQ-2025-ABCD-EFGH"),
        Language: CertificateLanguage.De);

    public static CertificateSnapshot English(CertificateNumber? number = null) => German(number) with
    {
        CourseTitle = "Anti-discrimination in job placement – basic module",
        LearningOutcomes = ["Recognise forms of discrimination under the AGG"],
        Language = CertificateLanguage.En,
    };
}
