namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// What lies in <c>courses/&lt;slug&gt;/</c>, sorted by kind. Every file must be one of the kinds of the format,
/// so that a stray file (an image, a misnamed lesson) is reported instead of silently left out of an import.
/// </summary>
internal sealed record CourseFolder(string Path, bool HasCourseFile, IReadOnlyList<string> Lessons, IReadOnlyList<string> Gifts, IReadOnlyList<string> Scenarios)
{
    public static CourseFolder List(ReadContext context, string folder)
    {
        foreach (var sub in context.FolderNames(folder))
            context.Errors.Add($"{folder}/{sub}", 0, "", "A course folder holds files only, no sub-folders.");
        List<string> lessons = [], gifts = [], scenarios = [];
        var hasCourseFile = false;
        foreach (var name in context.FileNames(folder))
        {
            if (name == ContentNames.CourseFile) hasCourseFile = true;
            else if (name.EndsWith(".md", StringComparison.Ordinal)) Sort(context, folder, name, ContentNames.IsLessonFileName(name[..^3]), lessons, name[..^3], "Lesson files are named NN-<lesson-slug>.md (two digits, then a slug).");
            else if (name.EndsWith(ContentNames.GiftExtension, StringComparison.Ordinal)) Sort(context, folder, name, ContentNames.IsCourseTextFileName(name, ContentNames.GiftExtension), gifts, name, "A GIFT file is named <slug>.gift.");
            else if (name.EndsWith(ContentNames.ScenarioExtension, StringComparison.Ordinal)) Sort(context, folder, name, ContentNames.IsCourseTextFileName(name, ContentNames.ScenarioExtension), scenarios, name, "A scenario file is named <slug>.scenario.yml.");
            else context.Errors.Add($"{folder}/{name}", 0, "", "Not a file of the content format: a course folder holds course.md, lessons (.md), .gift and .scenario.yml files.");
        }
        if (!hasCourseFile) context.Errors.Add($"{folder}/{ContentNames.CourseFile}", 0, "", "The course folder has no course.md.");
        return new(folder, hasCourseFile, lessons, gifts, scenarios);
    }

    private static void Sort(ReadContext context, string folder, string name, bool valid, List<string> into, string entry, string rule)
    {
        if (valid) into.Add(entry);
        else context.Errors.Add($"{folder}/{name}", 0, "", rule);
    }

    /// <summary>The file named by <c>assessment:</c>; every .gift file of the folder must be that one.</summary>
    public RawTextFile? Assessment(ReadContext context, YamlFields fields)
    {
        var name = fields.Text("assessment", required: false);
        foreach (var gift in Gifts.Where(g => g != name))
            fields.Source.Error(fields.LineOf("assessment"), "assessment", $"{gift} is in the folder but is not the course's assessment.");
        if (name is null) return null;
        return ReadTextFile(context, fields.Source, fields.LineOf("assessment"), "assessment", name, Gifts);
    }

    /// <summary>The files named by <c>scenarios:</c>, in that order; every .scenario.yml file of the folder must be listed.</summary>
    public EquatableList<RawTextFile> ScenarioFiles(ReadContext context, YamlFields fields)
    {
        var items = fields.Items("scenarios", required: false) ?? [];
        var files = new List<RawTextFile>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!listed.Add(item.Value)) fields.Source.Error(item.Line, item.Field, $"{item.Value} is listed twice.");
            else if (ReadTextFile(context, fields.Source, item.Line, item.Field, item.Value, Scenarios) is { } file) files.Add(file);
        }
        foreach (var scenario in Scenarios.Where(s => !listed.Contains(s)))
            fields.Source.Error(fields.LineOf("scenarios"), "scenarios", $"{scenario} is in the folder but not listed under scenarios.");
        return files.ToEquatableList();
    }

    private RawTextFile? ReadTextFile(ReadContext context, YamlSource source, int line, string field, string name, IReadOnlyList<string> present)
    {
        if (!present.Contains(name))
        {
            source.Error(line, field, $"There is no valid file {Path}/{name}.");
            return null;
        }
        var text = ContentText.Read(context.FullPath($"{Path}/{name}"), $"{Path}/{name}", context.Errors);
        return text is null ? null : new RawTextFile(name, FrontMatter.NormaliseBody(text));
    }
}
