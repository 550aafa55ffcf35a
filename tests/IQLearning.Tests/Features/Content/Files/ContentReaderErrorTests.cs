using System.Text;
using static IQLearning.Tests.Features.Content.Files.ContentFolder;

namespace IQLearning.Tests.Features.Content.Files;

/// <summary>
/// Each row breaks the valid folder in one place and names the exact errors (file, line, field) it must produce —
/// no more: a cascade of follow-up errors would hide the real problem from the author.
/// </summary>
public sealed class ContentReaderErrorTests
{
    private sealed record Case(Action<ContentFolder> Break, params (string File, int Line, string Field)[] Expected);

    private const string Lesson2 = "courses/ikhr/02-stereotype.md";
    private const string ValidLesson = "---\nid: ikhr-extra\ntitle: Extra\nduration_minutes: 5\n---\nText\n";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // front matter keys, types and ranges
        ["unknown_key"] = new(f => f.Replace(FirstLesson, "duration_minutes: 20\n", "duration_minutes: 20\ntitel: Tippfehler\n"), (FirstLesson, 5, "titel")),
        ["unknown_nested_key"] = new(f => f.Replace(CourseFile, "  validity_months: 24\n", "  validity_months: 24\n  bonus: 5\n"), (CourseFile, 16, "certificate.bonus")),
        ["missing_required_key"] = new(f => f.Replace(CourseFile, "summary: Ein Kurs für Personalverantwortliche.\n", ""), (CourseFile, 2, "summary")),
        ["key_without_value"] = new(f => f.Replace(FirstLesson, "title: Kultur und Wahrnehmung", "title:"), (FirstLesson, 3, "title")),
        ["empty_quoted_text"] = new(f => f.Replace(FirstLesson, "title: Kultur und Wahrnehmung", "title: \"\""), (FirstLesson, 3, "title")),
        ["missing_nested_key"] = new(f => f.Replace(CourseFile, "  pass_mark: 70\n", ""), (CourseFile, 14, "certificate.pass_mark")),
        ["certificate_not_a_mapping"] = new(f => f.Replace(CourseFile, "certificate:\n  pass_mark: 70\n  validity_months: 24\n", "certificate: 70\n"), (CourseFile, 13, "certificate")),
        ["number_as_word"] = new(f => f.Replace(FirstLesson, "duration_minutes: 20", "duration_minutes: zwanzig"), (FirstLesson, 4, "duration_minutes")),
        ["number_in_quotes"] = new(f => f.Replace(FirstLesson, "duration_minutes: 20", "duration_minutes: \"20\""), (FirstLesson, 4, "duration_minutes")),
        ["duration_zero"] = new(f => f.Replace(FirstLesson, "duration_minutes: 20", "duration_minutes: 0"), (FirstLesson, 4, "duration_minutes")),
        ["pass_mark_above_100"] = new(f => f.Replace(CourseFile, "pass_mark: 70", "pass_mark: 101"), (CourseFile, 14, "certificate.pass_mark")),
        ["negative_validity"] = new(f => f.Replace(CourseFile, "validity_months: 24", "validity_months: -1"), (CourseFile, 15, "certificate.validity_months")),
        ["flag_not_boolean"] = new(f => f.Replace(FirstLesson, "required: true", "required: ja"), (FirstLesson, 5, "required")),
        ["invalid_date"] = new(f => f.Replace(StandardFile, "valid_from: 2025-01-01", "valid_from: 2025-13-01"), (StandardFile, 5, "valid_from")),
        ["id_not_a_slug"] = new(f => f.Replace(FirstLesson, "id: ikhr-kultur-und-wahrnehmung", "id: Ikhr_Kultur"), (FirstLesson, 2, "id")),
        ["slug_too_long"] = new(f => f.Replace(FirstLesson, "id: ikhr-kultur-und-wahrnehmung", "id: " + new string('a', 81)), (FirstLesson, 2, "id")),
        ["unknown_language"] = new(f => f.Replace(StandardFile, "language: de", "language: fr"), (StandardFile, 6, "language")),
        ["audience_outside_vocabulary"] = new(f => f.Replace(CourseFile, "audiences: [hr]", "audiences: [hr, personal]"), (CourseFile, 6, "audiences[1]")),
        ["audience_twice"] = new(f => f.Replace(MaterialFile, "audiences: [hr, administration]", "audiences: [hr, hr]"), (MaterialFile, 6, "audiences[1]")),
        ["no_audience"] = new(f => f.Replace(CourseFile, "audiences: [hr]", "audiences: []"), (CourseFile, 6, "audiences")),
        ["topic_not_a_slug"] = new(f => f.Replace(CourseFile, "topics: [interkulturelle-kompetenz", "topics: [Interkulturell"), (CourseFile, 7, "topics[0]")),
        ["no_outcome"] = new(f => f.Replace(CourseFile, "outcomes:\n  - Sie erkennen typische Wahrnehmungsfallen im Auswahlverfahren.\n  - Sie formulieren Stellenanzeigen diskriminierungsfrei.\n", "outcomes: []\n"), (CourseFile, 9, "outcomes")),
        // references between files
        ["unit_not_in_units_yml"] = new(f => f.Replace(MaterialFile, "unit: fachstelle-ikoe", "unit: fachstelle-xyz"), (MaterialFile, 5, "unit")),
        ["unknown_standard"] = new(f => f.Replace(CourseFile, "standards: [iq-qs-ikoe]", "standards: [iq-qs-fehlt]"), (CourseFile, 12, "standards[0]")),
        ["listed_lesson_missing"] = new(f => f.Replace(CourseFile, "02-stereotype]", "02-stereotype, 04-fehlt]"), (CourseFile, 20, "modules[0].lessons[2]")),
        ["lesson_in_two_modules"] = new(f => f.Replace(CourseFile, "lessons: [03-agg]", "lessons: [03-agg, 02-stereotype]"), (CourseFile, 22, "modules[1].lessons[1]")),
        ["lesson_file_in_no_module"] = new(f => f.With("courses/ikhr/04-extra.md", ValidLesson), (CourseFile, 18, "modules")),
        ["module_without_lessons"] = new(f => f.Replace(CourseFile, "lessons: [03-agg]", "lessons: []"), (CourseFile, 22, "modules[1].lessons"), (CourseFile, 18, "modules")),
        ["assessment_file_missing"] = new(f => f.Without("courses/ikhr/abschlusstest.gift"), (CourseFile, 16, "assessment")),
        ["second_gift_file"] = new(f => f.With("courses/ikhr/zusatz.gift", "::F::x{T}\n"), (CourseFile, 16, "assessment")),
        ["scenario_file_missing"] = new(f => f.Without("courses/ikhr/bewerbungsgespraech.scenario.yml"), (CourseFile, 17, "scenarios[0]")),
        ["scenario_not_listed"] = new(f => f.With("courses/ikhr/zweites.scenario.yml", "id: x\n"), (CourseFile, 17, "scenarios")),
        ["translation_of_missing_course"] = new(f => f.Replace(EnglishCourseFile, "translation_of: ikhr", "translation_of: ikhr-fehlt"), (EnglishCourseFile, 4, "translation_of")),
        ["translation_of_itself"] = new(f => f.Replace(EnglishCourseFile, "translation_of: ikhr", "translation_of: ikhr-en"), (EnglishCourseFile, 4, "translation_of")),
        ["translation_in_same_language"] = new(f => f.Replace(EnglishCourseFile, "language: en", "language: de"), (EnglishCourseFile, 4, "translation_of")),
        ["lesson_id_used_twice"] = new(f => f.Replace(EnglishLesson, "id: ikhr-en-culture", "id: ikhr-agg"), (EnglishLesson, 2, "id")),
        ["attachment_missing"] = new(f => f.Without(AttachmentFile), (MaterialFile, 9, "attachments[0].file")),
        ["attachment_escapes_folder"] = new(f => f.Replace(MaterialFile, "file: checkliste.pdf", "file: ../../units.yml"), (MaterialFile, 9, "attachments[0].file"), (AttachmentFile, 0, "")),
        ["attachment_not_listed"] = new(f => f.WithBytes("materials/checkliste-stellenausschreibung/extra.pdf", Pdf), ("materials/checkliste-stellenausschreibung/extra.pdf", 0, "")),
        ["unit_listed_twice"] = new(f => f.Replace("units.yml", "- slug: fachstelle-einwanderung", "- slug: fachstelle-ikoe"), ("units.yml", 4, "[1].slug")),
        ["unit_without_name"] = new(f => f.Replace("units.yml", "  name: IQ Fachstelle Einwanderung\n", ""), ("units.yml", 4, "[1].name")),
        // folders and file names
        ["course_folder_not_a_slug"] = new(f => f.With("courses/Kurs_1/course.md", "x"), ("courses/Kurs_1", 0, "slug")),
        ["course_folder_without_course_md"] = new(f => f.With("courses/leer/01-extra.md", ValidLesson), ("courses/leer/course.md", 0, "")),
        ["file_directly_in_courses"] = new(f => f.With("courses/liesmich.txt", "x"), ("courses/liesmich.txt", 0, "")),
        ["lesson_file_without_number"] = new(f => f.With("courses/ikhr/extra.md", ValidLesson), ("courses/ikhr/extra.md", 0, "")),
        ["image_in_course_folder"] = new(f => f.WithBytes("courses/ikhr/bild.png", Pdf), ("courses/ikhr/bild.png", 0, "")),
        ["sub_folder_in_course"] = new(f => f.With("courses/ikhr/bilder/a.txt", "x"), ("courses/ikhr/bilder", 0, "")),
        ["material_file_not_a_slug"] = new(f => f.With("materials/Checkliste.md", "x"), ("materials/Checkliste.md", 0, "slug")),
        ["attachment_folder_without_material"] = new(f => f.WithBytes("materials/verwaist/a.pdf", Pdf), ("materials/verwaist", 0, "")),
        // text, front matter and YAML syntax
        ["invalid_utf8"] = new(f => f.WithBytes(FirstLesson, [.. Encoding.UTF8.GetBytes(ValidTexts[FirstLesson])[..^1], .. "\nWei"u8, 0xC3, 0x28, .. "\n"u8]), (FirstLesson, 11, "")),
        ["invalid_utf8_in_gift"] = new(f => f.WithBytes("courses/ikhr/abschlusstest.gift", [0x3A, 0x3A, 0xFF]), ("courses/ikhr/abschlusstest.gift", 1, "")),
        ["no_front_matter"] = new(f => f.With(FirstLesson, "# Nur Text\n"), (FirstLesson, 1, "")),
        ["front_matter_not_closed"] = new(f => f.Replace(FirstLesson, "required: true\n---\n", "required: true\n"), (FirstLesson, 1, "")),
        ["front_matter_is_a_list"] = new(f => f.With(FirstLesson, "---\n- a\n---\n"), (FirstLesson, 2, "")),
        ["yaml_syntax_error"] = new(f => f.Replace(FirstLesson, "title: Kultur und Wahrnehmung", "title: Kultur: Wahrnehmung"), (FirstLesson, 3, "")),
        ["yaml_duplicate_key"] = new(f => f.Replace(FirstLesson, "required: true\n", "required: true\ntitle: Doppelt\n"), (FirstLesson, 6, "")),
        ["yaml_unclosed_list"] = new(f => f.Replace(Lesson2, "required: false", "required: [false"), (Lesson2, 5, "")),
        ["yaml_unclosed_list_before_next_key"] = new(f => f.Replace(Lesson2, "duration_minutes: 25", "duration_minutes: [25"), (Lesson2, 4, "")),
        ["unknown_callout_kind"] = new(f => f.Replace(FirstLesson, "> [!REFLECTION]", "> [!TIPP]"), (FirstLesson, 9, "")),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_file_is_reported_with_file_line_and_field(string name)
    {
        using var folder = new ContentFolder();
        Cases[name].Break(folder);

        var result = folder.Read();

        Assert.False(result.Succeeded);
        Assert.Equal(
            Cases[name].Expected.OrderBy(e => e.ToString(), StringComparer.Ordinal),
            result.Errors.Select(e => (e.File, e.Line, e.Field)).OrderBy(e => e.ToString(), StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Missing_units_yml_is_reported_and_every_unit_reference_fails()
    {
        using var folder = new ContentFolder();
        folder.Without("units.yml");

        var errors = folder.Read().Errors.Select(e => (e.File, e.Line, e.Field)).ToList();

        Assert.Contains(("units.yml", 0, ""), errors);
        Assert.Contains((CourseFile, 5, "unit"), errors);
        Assert.Contains((StandardFile, 7, "unit"), errors);
    }
}
