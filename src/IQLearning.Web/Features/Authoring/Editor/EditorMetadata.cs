using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using CourseModule = IQLearning.Web.Features.Content.Model.CourseModule;

namespace IQLearning.Web.Features.Authoring;

/// <summary>
/// Moves the kind-specific fields between the editor form and a version's MetadataJson (the records of
/// ContentMetadata.cs), checking them by the rules of docs/content-format.md. What the form does not show
/// (a course's assessment and scenarios, a material's attachments) is carried over from the previous version.
/// </summary>
internal sealed class EditorMetadata(ModelStateDictionary state, IStringLocalizer t)
{
    public static void Fill(EditorForm form, ContentKind kind, ContentVersion version)
    {
        switch (kind)
        {
            case ContentKind.Lesson:
                var lesson = version.Read<LessonMetadata>();
                (form.FileName, form.DurationMinutes, form.LessonRequired) = (lesson.FileName, lesson.DurationMinutes, lesson.Required);
                break;
            case ContentKind.Course:
                var course = version.Read<CourseMetadata>();
                (form.Audiences, form.Topics, form.DurationMinutes) = ([.. course.Audiences], string.Join(", ", course.Topics), course.DurationMinutes);
                (form.Outcomes, form.Standards) = (string.Join("\n", course.Outcomes), [.. course.Standards]);
                (form.PassMark, form.ValidityMonths) = (course.PassMark, course.ValidityMonths);
                form.Modules = string.Join("\n", course.Modules.Select(m => $"{m.Title}: {string.Join(", ", m.Lessons)}"));
                break;
            case ContentKind.Material:
                var material = version.Read<MaterialMetadata>();
                (form.Audiences, form.Topics) = ([.. material.Audiences], string.Join(", ", material.Topics));
                break;
            case ContentKind.Standard:
                var standard = version.Read<StandardMetadata>();
                (form.Code, form.StandardVersion, form.ValidFrom) = (standard.Code, standard.Version, standard.ValidFrom);
                break;
            case ContentKind.Assessment:
                var quiz = version.Read<AssessmentSettings>();
                (form.AttemptsAllowed, form.Shuffle, form.TimeLimitMinutes) = (quiz.AttemptsAllowed, quiz.Shuffle, quiz.TimeLimitMinutes);
                break;
        }
    }

    /// <summary>The MetadataJson for the form, or null when a field is wrong (each error is added to its field).</summary>
    public string? Build(ContentKind kind, EditorForm form, string slug, ContentVersion? previous, IReadOnlyCollection<string> standards)
    {
        var errors = state.ErrorCount;
        string json = kind switch
        {
            ContentKind.Lesson => ContentMetadata.Serialize(new LessonMetadata(LessonFileName(form), Need(form.DurationMinutes, nameof(form.DurationMinutes)), form.LessonRequired)),
            ContentKind.Course => ContentMetadata.Serialize(Course(form, previous?.Read<CourseMetadata>(), standards)),
            ContentKind.Material => ContentMetadata.Serialize(new MaterialMetadata(Audiences(form), Topics(form),
                previous?.Read<MaterialMetadata>().Attachments ?? [])),
            ContentKind.Standard => ContentMetadata.Serialize(new StandardMetadata(Need(form.Code, nameof(form.Code)),
                Need(form.StandardVersion, nameof(form.StandardVersion)), Need(form.ValidFrom, nameof(form.ValidFrom)))),
            ContentKind.Assessment => ContentMetadata.Serialize(new AssessmentSettings(
                previous?.Read<SourceFileMetadata>().FileName ?? slug + ContentNames.GiftExtension,
                form.AttemptsAllowed, form.Shuffle, form.TimeLimitMinutes)),
            ContentKind.Scenario => Source(previous, slug + ContentNames.ScenarioExtension),
            _ => "{}",
        };
        return state.ErrorCount == errors ? json : null;
    }

    private CourseMetadata Course(EditorForm form, CourseMetadata? previous, IReadOnlyCollection<string> standards)
    {
        var outcomes = Lines(form.Outcomes);
        if (outcomes.Count == 0) Required(nameof(form.Outcomes));
        foreach (var unknown in form.Standards.Where(s => !standards.Contains(s)))
            state.AddModelError(nameof(form.Standards), t["Authoring.Error.UnknownStandard", unknown]);
        return new CourseMetadata(Audiences(form), Topics(form), Need(form.DurationMinutes, nameof(form.DurationMinutes)), outcomes,
            form.Standards.Distinct().ToList(), Need(form.PassMark, nameof(form.PassMark)), Need(form.ValidityMonths, nameof(form.ValidityMonths)),
            previous?.Assessment, previous?.Scenarios ?? [], CourseModules(form.Modules));
    }

    /// <summary>One module a line: <c>Module title: lesson-id, lesson-id</c>; the last colon separates, so a title may contain one.</summary>
    private List<CourseModule> CourseModules(string? text)
    {
        var modules = new List<CourseModule>();
        var seen = new HashSet<string>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n])) continue;
            var colon = lines[n].LastIndexOf(':');
            var title = colon > 0 ? lines[n][..colon].Trim() : "";
            var lessons = colon > 0 ? lines[n][(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (title.Length == 0 || lessons.Length == 0 || lessons.Any(l => !ContentNames.IsSlug(l) || !seen.Add(l)))
                state.AddModelError("Modules", t["Authoring.Error.ModuleLine", n + 1]);
            else modules.Add(new CourseModule(title, lessons));
        }
        if (modules.Count == 0 && state["Modules"] is not { Errors.Count: > 0 }) Required("Modules");
        return modules;
    }

    private string LessonFileName(EditorForm form)
    {
        if (string.IsNullOrWhiteSpace(form.FileName)) Required(nameof(form.FileName));
        else if (!ContentNames.IsLessonFileName(form.FileName.Trim())) state.AddModelError(nameof(form.FileName), t["Authoring.Error.FileName"]);
        return form.FileName?.Trim() ?? "";
    }

    private List<string> Audiences(EditorForm form)
    {
        if (form.Audiences.Count == 0) Required(nameof(form.Audiences));
        else if (form.Audiences.Any(a => !ContentNames.Audiences.Contains(a))) state.AddModelError(nameof(form.Audiences), t["Validation.Invalid"]);
        return form.Audiences.Distinct().ToList();
    }

    private List<string> Topics(EditorForm form)
    {
        var topics = (form.Topics ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (topics.Any(topic => !ContentNames.IsSlug(topic)) || topics.Distinct().Count() != topics.Count)
            state.AddModelError(nameof(form.Topics), t["Authoring.Error.Topics"]);
        return topics;
    }

    private static string Source(ContentVersion? previous, string fileName) =>
        ContentMetadata.Serialize(new SourceFileMetadata(previous?.Read<SourceFileMetadata>().FileName ?? fileName));

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private T Need<T>(T? value, string field) where T : struct
    {
        if (value is null && state[field] is not { Errors.Count: > 0 }) Required(field);
        return value ?? default;
    }

    private string Need(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) && state[field] is not { Errors.Count: > 0 }) Required(field);
        return value?.Trim() ?? "";
    }

    private void Required(string field) => state.AddModelError(field, t["Validation.Required", t[$"Authoring.Field.{field}"]]);
}
