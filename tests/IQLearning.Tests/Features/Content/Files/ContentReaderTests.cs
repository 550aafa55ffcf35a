using System.Text;
using IQLearning.Web.Features.Content.Files;

namespace IQLearning.Tests.Features.Content.Files;

public sealed class ContentReaderTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Valid_folder_gives_units_standards_materials_and_courses()
    {
        var package = _folder.ReadValid();

        Assert.Equal(["fachstelle-ikoe", "fachstelle-einwanderung"], package.Units.Select(u => u.Slug));
        Assert.Null(package.Units[1].Description);
        Assert.Equal(["ikhr", "ikhr-en"], package.Courses.Select(c => c.Slug));
        var standard = Assert.Single(package.Standards);
        Assert.Equal(("IQ-QS-IKOE", "1.0", new DateOnly(2025, 1, 1)), (standard.Code, standard.Version, standard.ValidFrom));
        var material = Assert.Single(package.Materials);
        Assert.Equal("Worauf Sie achten: Sprache, Bilder, Anforderungen.", material.Summary);
        Assert.Equal(["hr", "administration"], material.Audiences);
    }

    [Fact]
    public void Course_holds_its_front_matter_modules_and_lessons_in_order()
    {
        var course = _folder.ReadValid().Courses.Single(c => c.Slug == "ikhr");

        Assert.Equal((240, "de", "fachstelle-ikoe"), (course.DurationMinutes, course.Language, course.Unit));
        Assert.Equal(new CertificateRules(70, 24), course.Certificate);
        Assert.Equal(["iq-qs-ikoe"], course.Standards);
        Assert.Equal(2, course.Outcomes.Count);
        Assert.Equal(["Kultur und Wahrnehmung", "Recht"], course.Modules.Select(m => m.Title));
        Assert.Equal(["ikhr-kultur-und-wahrnehmung", "ikhr-stereotype", "ikhr-agg"], course.Lessons.Select(l => l.Id));
        Assert.False(course.Lessons.Single(l => l.Id == "ikhr-stereotype").Required);
        Assert.Equal("Der Kurs zeigt, wie Sie **fair** rekrutieren.", course.Description);
    }

    [Fact]
    public void Lesson_body_is_the_markdown_as_written()
    {
        var lesson = _folder.ReadValid().Courses[0].Lessons.First();

        Assert.Equal("# Kultur und Wahrnehmung\n\n> [!REFLECTION]\n> Wann haben Sie zuletzt …?", lesson.Body);
    }

    [Fact]
    public void Gift_and_scenario_files_are_kept_as_unparsed_text()
    {
        var course = _folder.ReadValid().Courses[0];

        Assert.Equal("abschlusstest.gift", course.Assessment!.FileName);
        Assert.Equal("$CATEGORY: ikhr\n\n::Frage 1::Das AGG schützt vor Benachteiligung.{T}", course.Assessment.Text);
        Assert.Equal(["bewerbungsgespraech.scenario.yml"], course.Scenarios.Select(s => s.FileName));
    }

    [Fact]
    public void Attachment_is_kept_byte_for_byte()
    {
        var attachment = Assert.Single(_folder.ReadValid().Materials[0].Attachments);

        Assert.Equal(("checkliste.pdf", "Checkliste als PDF"), (attachment.File, attachment.Title));
        Assert.Equal(ContentFolder.Pdf, attachment.Content.ToArray());
    }

    [Fact]
    public void Translation_without_assessment_and_with_empty_lists_is_valid()
    {
        var course = _folder.ReadValid().Courses.Single(c => c.Slug == "ikhr-en");

        Assert.Equal("ikhr", course.TranslationOf);
        Assert.Null(course.Assessment);
        Assert.Empty(course.Topics);
        Assert.Equal("", course.Description);
    }

    [Fact]
    public void Crlf_bom_comments_and_trailing_blank_lines_read_like_the_normalised_file()
    {
        var normalised = _folder.ReadValid();
        var messy = "\uFEFF" + ContentFolder.ValidTexts[ContentFolder.FirstLesson]
            .Replace("required: true", "required: true   # counts for completion")
            .Replace("\n", "\r\n") + "\r\n\r\n";
        _folder.WithBytes(ContentFolder.FirstLesson, Encoding.UTF8.GetBytes(messy));

        Assert.Equal(normalised, _folder.ReadValid());
    }

    [Fact]
    public void Omitted_required_flag_means_the_lesson_counts()
    {
        _folder.Replace("courses/ikhr/02-stereotype.md", "required: false\n", "");

        Assert.True(_folder.ReadValid().Courses[0].Lessons.Single(l => l.Id == "ikhr-stereotype").Required);
    }

    [Fact]
    public void Null_translation_of_and_missing_optional_lists_are_allowed()
    {
        _folder.Replace(ContentFolder.CourseFile, "language: de\n", "language: de\ntranslation_of: null\n")
            .Replace(ContentFolder.EnglishCourseFile, "topics: []\n", "")
            .Replace(ContentFolder.EnglishCourseFile, "standards: []\n", "")
            .Replace(ContentFolder.EnglishCourseFile, "scenarios: []\n", "");

        var package = _folder.ReadValid();

        Assert.Null(package.Courses[0].TranslationOf);
        Assert.Empty(package.Courses[1].Standards);
    }

    [Fact]
    public void Hidden_files_and_other_top_level_files_are_not_content()
    {
        _folder.With("courses/ikhr/.DS_Store", "x").With("README.md", "# Inhalte").With("materials/.gitkeep", "");

        Assert.True(_folder.Read().Succeeded);
    }

    [Fact]
    public void All_errors_are_reported_at_once_and_no_package_is_returned()
    {
        _folder.Replace(ContentFolder.FirstLesson, "duration_minutes: 20", "duration_minutes: 0")
            .Replace(ContentFolder.StandardFile, "language: de", "language: fr")
            .Replace(ContentFolder.MaterialFile, "unit: fachstelle-ikoe", "unit: unbekannt");

        var result = _folder.Read();

        Assert.False(result.Succeeded);
        Assert.Null(result.Package);
        Assert.Equal(
            [ContentFolder.FirstLesson, ContentFolder.MaterialFile, ContentFolder.StandardFile],
            result.Errors.Select(e => e.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_content_folder_is_an_error_not_an_exception()
    {
        var result = ContentReader.Read(ContentFolder.NewTempPath());

        Assert.False(result.Succeeded);
        Assert.Single(result.Errors);
    }
}
