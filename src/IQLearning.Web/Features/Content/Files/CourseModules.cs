namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// The <c>modules:</c> of course.md: every listed lesson exists, and every lesson file of the folder is listed in
/// exactly one module, so no lesson is silently missing from the course or counted twice for completion.
/// </summary>
internal static class CourseModules
{
    /// <param name="lessons">Lesson file name → the lesson, or null when the file itself had errors.</param>
    public static EquatableList<CourseModule>? Read(YamlFields fields, IReadOnlyDictionary<string, Lesson?> lessons)
    {
        var entries = fields.Mappings("modules", ContentKeys.Module, required: true, minCount: 1);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var modules = new List<CourseModule>();
        foreach (var entry in entries ?? [])
        {
            var title = entry.Text("title");
            var names = entry.Items("lessons", required: true, minCount: 1);
            var moduleLessons = names?.Select(item => Resolve(entry, item, lessons, listed)).OfType<Lesson>().ToList();
            if (title is not null && moduleLessons is not null && moduleLessons.Count == names!.Count)
                modules.Add(new CourseModule(title, moduleLessons.ToEquatableList()));
        }
        var unlisted = lessons.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in unlisted)
            fields.Source.Error(fields.LineOf("modules"), "modules", $"Lesson file {name}.md is not listed in any module.");
        return entries is not null && modules.Count == entries.Count && unlisted.Count == 0 ? modules.ToEquatableList() : null;
    }

    private static Lesson? Resolve(YamlFields module, YamlItem item, IReadOnlyDictionary<string, Lesson?> lessons, HashSet<string> listed)
    {
        if (!lessons.TryGetValue(item.Value, out var lesson))
        {
            var hint = item.Value.EndsWith(".md", StringComparison.Ordinal) ? " Write the file name without .md." : "";
            module.Source.Error(item.Line, item.Field, $"There is no lesson file {item.Value}.md in this folder.{hint}");
            return null;
        }
        if (listed.Add(item.Value)) return lesson;
        module.Source.Error(item.Line, item.Field, $"Lesson {item.Value} is already listed; a lesson belongs to exactly one module.");
        return null;
    }
}
