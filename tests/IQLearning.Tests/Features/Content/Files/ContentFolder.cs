using System.Text;
using IQLearning.Web.Features.Content.Files;

namespace IQLearning.Tests.Features.Content.Files;

/// <summary>
/// A content folder in a temp directory, filled with a small valid package in the normalised form, that a test
/// then breaks in one place. The line numbers the error tests expect refer to the texts below.
/// </summary>
public sealed class ContentFolder : IDisposable
{
    public const string CourseFile = "courses/ikhr/course.md";
    public const string FirstLesson = "courses/ikhr/01-kultur-und-wahrnehmung.md";
    public const string EnglishCourseFile = "courses/ikhr-en/course.md";
    public const string EnglishLesson = "courses/ikhr-en/01-culture-and-perception.md";
    public const string MaterialFile = "materials/checkliste-stellenausschreibung.md";
    public const string AttachmentFile = "materials/checkliste-stellenausschreibung/checkliste.pdf";
    public const string StandardFile = "standards/iq-qs-ikoe.md";

    /// <summary>Starts like a PDF and holds bytes that are not UTF-8, so it proves attachments are kept as bytes.</summary>
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, 0xFF, 0xFE, 0x00, 0x80, .. "\n%%EOF\n"u8];

    public static readonly IReadOnlyDictionary<string, string> ValidTexts = new Dictionary<string, string>
    {
        ["units.yml"] = """
            - slug: fachstelle-ikoe
              name: IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung
              description: Entwickelt Trainings zu interkultureller Kompetenz und Antidiskriminierung.
            - slug: fachstelle-einwanderung
              name: IQ Fachstelle Einwanderung

            """,
        [StandardFile] = """
            ---
            title: Qualitätsstandard für Trainings zur interkulturellen Kompetenz
            code: IQ-QS-IKOE
            version: "1.0"
            valid_from: 2025-01-01
            language: de
            unit: fachstelle-ikoe
            summary: Woran ein gutes Training zu erkennen ist.
            ---
            ## Kriterien

            - [ ] Die Lernziele sind überprüfbar.

            """,
        [MaterialFile] = """
            ---
            title: Checkliste diskriminierungsfreie Stellenausschreibung
            language: de
            summary: 'Worauf Sie achten: Sprache, Bilder, Anforderungen.'
            unit: fachstelle-ikoe
            audiences: [hr, administration]
            topics: [recruiting, agg]
            attachments:
              - file: checkliste.pdf
                title: Checkliste als PDF
            ---
            Laden Sie die [Checkliste](checkliste.pdf) herunter.

            > [!LAW]
            > § 11 AGG: Ein Arbeitsplatz darf nicht unter Verstoß gegen § 7 Abs. 1 ausgeschrieben werden.

            """,
        [CourseFile] = """
            ---
            title: Interkulturelle Kompetenz im Personalmanagement – fair rekrutieren, gut integrieren
            language: de
            summary: Ein Kurs für Personalverantwortliche.
            unit: fachstelle-ikoe
            audiences: [hr]
            topics: [interkulturelle-kompetenz, recruiting]
            duration_minutes: 240
            outcomes:
              - Sie erkennen typische Wahrnehmungsfallen im Auswahlverfahren.
              - Sie formulieren Stellenanzeigen diskriminierungsfrei.
            standards: [iq-qs-ikoe]
            certificate:
              pass_mark: 70
              validity_months: 24
            assessment: abschlusstest.gift
            scenarios: [bewerbungsgespraech.scenario.yml]
            modules:
              - title: Kultur und Wahrnehmung
                lessons: [01-kultur-und-wahrnehmung, 02-stereotype]
              - title: Recht
                lessons: [03-agg]
            ---
            Der Kurs zeigt, wie Sie **fair** rekrutieren.

            """,
        [FirstLesson] = """
            ---
            id: ikhr-kultur-und-wahrnehmung
            title: Kultur und Wahrnehmung
            duration_minutes: 20
            required: true
            ---
            # Kultur und Wahrnehmung

            > [!REFLECTION]
            > Wann haben Sie zuletzt …?

            """,
        ["courses/ikhr/02-stereotype.md"] = """
            ---
            id: ikhr-stereotype
            title: Stereotype
            duration_minutes: 25
            required: false
            ---
            Stereotype vereinfachen.

            """,
        ["courses/ikhr/03-agg.md"] = """
            ---
            id: ikhr-agg
            title: Das AGG
            duration_minutes: 30
            required: true
            ---
            > [!LAW]
            > § 1 AGG: Ziel des Gesetzes ist, …

            """,
        ["courses/ikhr/abschlusstest.gift"] = """
            $CATEGORY: ikhr

            ::Frage 1::Das AGG schützt vor Benachteiligung.{T}

            """,
        ["courses/ikhr/bewerbungsgespraech.scenario.yml"] = """
            id: ikhr-bewerbungsgespraech
            title: Das Bewerbungsgespräch

            """,
        [EnglishCourseFile] = """
            ---
            title: Intercultural competence in HR
            language: en
            translation_of: ikhr
            summary: A course for HR staff.
            unit: fachstelle-ikoe
            audiences: [hr]
            topics: []
            duration_minutes: 30
            outcomes:
              - You recognise typical perception traps.
            standards: []
            certificate:
              pass_mark: 70
              validity_months: 0
            scenarios: []
            modules:
              - title: Culture and perception
                lessons: [01-culture-and-perception]
            ---

            """,
        [EnglishLesson] = """
            ---
            id: ikhr-en-culture
            title: Culture and perception
            duration_minutes: 30
            required: true
            ---
            > [!TIP]
            > Ask, do not assume.

            """,
    };

    public ContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "iqlearning-content-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in ValidTexts) With(path, text);
        WithBytes(AttachmentFile, Pdf);
    }

    public string Root { get; }

    public ContentFolder With(string path, string text) => WithBytes(path, Encoding.UTF8.GetBytes(text));

    public ContentFolder WithBytes(string path, byte[] bytes)
    {
        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public ContentFolder Without(string path)
    {
        File.Delete(FullPath(path));
        return this;
    }

    /// <summary>Changes one piece of a file; fails when the piece is not there, so a test cannot silently test nothing.</summary>
    public ContentFolder Replace(string path, string oldText, string newText)
    {
        var text = File.ReadAllText(FullPath(path));
        Assert.Contains(oldText, text);
        return With(path, text.Replace(oldText, newText));
    }

    public ContentReadResult Read() => ContentReader.Read(Root);

    public ContentPackage ReadValid()
    {
        var result = Read();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Package;
    }

    public string FullPath(string path) => Path.Combine(Root, path);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    public static string NewTempPath() => Path.Combine(Path.GetTempPath(), "iqlearning-export-" + Guid.NewGuid().ToString("N"));
}
