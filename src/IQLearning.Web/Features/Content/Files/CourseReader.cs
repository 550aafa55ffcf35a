namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads a course folder: course.md, its lessons, and (unparsed) its GIFT and scenario files.</summary>
internal static class CourseReader
{
    public static Course? Read(ReadContext context, string slug)
    {
        var errorsBefore = context.Errors.Count;
        var folder = CourseFolder.List(context, $"courses/{slug}");
        var lessons = folder.Lessons.ToDictionary(n => n, n => LessonReader.Read(context, folder.Path, n), StringComparer.Ordinal);
        var file = $"{folder.Path}/{ContentNames.CourseFile}";
        if (!folder.HasCourseFile || context.ReadMarkdown(file, ContentKeys.Course) is not { } markdown) return null;
        var f = markdown.Fields;
        var title = f.Text("title");
        var language = ReadContext.Language(f);
        var translationOf = TranslationOf(context, f, slug, language);
        var summary = f.Text("summary");
        var unit = context.Unit(f);
        var audiences = ReadContext.Audiences(f);
        var topics = ReadContext.Topics(f);
        var duration = f.Number("duration_minutes", min: 1);
        var outcomes = f.Items("outcomes", required: true, minCount: 1);
        var standards = ReadContext.Vocabulary(f, "standards", required: false, minCount: 0,
            s => context.Standards.Contains(s), "no such quality standard (standards/<slug>.md).");
        var certificate = Certificate(f);
        var assessment = folder.Assessment(context, f);
        var scenarios = folder.ScenarioFiles(context, f);
        var modules = CourseModules.Read(f, lessons);
        if (context.Errors.Count > errorsBefore || title is null || language is null || summary is null || unit is null ||
            audiences is null || topics is null || duration is null || outcomes is null || standards is null ||
            certificate is null || modules is null)
            return null;
        return new Course
        {
            Slug = slug, Title = title, Language = language, TranslationOf = translationOf, Summary = summary, Unit = unit,
            Audiences = audiences, Topics = topics, DurationMinutes = duration.Value,
            Outcomes = outcomes.Select(o => o.Value).ToEquatableList(), Standards = standards, Certificate = certificate,
            Assessment = assessment, Scenarios = scenarios, Modules = modules, Description = markdown.Body,
        };
    }

    private static CertificateRules? Certificate(YamlFields fields)
    {
        if (fields.Mapping("certificate", ContentKeys.Certificate) is not { } certificate) return null;
        var passMark = certificate.Number("pass_mark", min: 1, max: 100);
        var validity = certificate.Number("validity_months", min: 0);
        return passMark is null || validity is null ? null : new CertificateRules(passMark.Value, validity.Value);
    }

    private static string? TranslationOf(ReadContext context, YamlFields fields, string slug, string? language)
    {
        if (fields.Slug("translation_of", required: false) is not { } original) return null;
        var line = fields.LineOf("translation_of");
        if (original == slug)
            fields.Source.Error(line, "translation_of", "A course cannot be a translation of itself.");
        else if (!context.Courses.Contains(original))
            fields.Source.Error(line, "translation_of", $"There is no course courses/{original}.");
        else if (language is not null)
            context.Translations.Add((fields.Source.File, line, language, original));
        return original;
    }
}
