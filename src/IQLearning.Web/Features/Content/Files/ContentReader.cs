namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// Reads and validates a <c>content/</c> folder (docs/content-format.md). All-or-nothing: the result is either the
/// whole package or every error found, each with file, line and field, so one run shows an author all problems.
/// </summary>
public static class ContentReader
{
    public static ContentReadResult Read(string directory)
    {
        if (!Directory.Exists(directory))
            return ContentReadResult.Failure([new ContentError("", 0, "", $"The content folder '{directory}' does not exist.")]);

        var context = new ReadContext(directory);
        var units = UnitsReader.Read(context);
        // Slugs come from file and folder names, so every reference can be checked while its file is read.
        var standardSlugs = MarkdownSlugs(context, "standards", allowFolders: false);
        var materialSlugs = MarkdownSlugs(context, "materials", allowFolders: true);
        var courseSlugs = CourseSlugs(context);
        context.Standards.UnionWith(standardSlugs);
        context.Courses.UnionWith(courseSlugs);

        var standards = standardSlugs.Select(s => StandardReader.Read(context, s)).OfType<QualityStandard>().ToEquatableList();
        var materials = materialSlugs.Select(s => MaterialReader.Read(context, s)).OfType<Material>().ToEquatableList();
        var courses = courseSlugs.Select(s => CourseReader.Read(context, s)).OfType<Course>().ToEquatableList();
        CheckTranslationLanguages(context, courses);

        return context.Errors.Count > 0
            ? ContentReadResult.Failure(context.Errors.All)
            : ContentReadResult.Success(new ContentPackage(units, courses, materials, standards));
    }

    /// <summary>The slugs of <c>&lt;folder&gt;/&lt;slug&gt;.md</c>; anything else in the folder is reported.</summary>
    private static List<string> MarkdownSlugs(ReadContext context, string folder, bool allowFolders)
    {
        var slugs = new List<string>();
        foreach (var name in context.FileNames(folder))
        {
            var slug = name.EndsWith(".md", StringComparison.Ordinal) ? name[..^3] : null;
            if (ContentNames.IsSlug(slug)) slugs.Add(slug!);
            else context.Errors.Add($"{folder}/{name}", 0, "slug", $"Files here are named <slug>.md. {YamlFields.SlugRule}");
        }
        foreach (var sub in context.FolderNames(folder).Where(s => !allowFolders || !slugs.Contains(s)))
            context.Errors.Add($"{folder}/{sub}", 0, "", allowFolders
                ? $"A folder here holds the attachments of a material, but there is no {folder}/{sub}.md."
                : "This folder holds <slug>.md files only.");
        return slugs;
    }

    private static List<string> CourseSlugs(ReadContext context)
    {
        foreach (var name in context.FileNames("courses"))
            context.Errors.Add($"courses/{name}", 0, "", "The courses folder holds one folder per course, no files.");
        var slugs = new List<string>();
        foreach (var name in context.FolderNames("courses"))
        {
            if (ContentNames.IsSlug(name)) slugs.Add(name);
            else context.Errors.Add($"courses/{name}", 0, "slug", $"A course folder is named by the course's slug. {YamlFields.SlugRule}");
        }
        return slugs;
    }

    private static void CheckTranslationLanguages(ReadContext context, IReadOnlyList<Course> courses)
    {
        foreach (var (file, line, language, original) in context.Translations)
            if (courses.FirstOrDefault(c => c.Slug == original) is { } course && course.Language == language)
                context.Errors.Add(file, line, "translation_of", $"The course translates {original}, which is in the same language ({language}).");
    }
}
