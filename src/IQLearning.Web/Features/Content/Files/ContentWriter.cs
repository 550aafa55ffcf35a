using System.Text;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>One file of the normalised form: its path relative to the content folder (forward slashes) and its bytes.</summary>
public sealed record NormalisedFile(string Path, byte[] Content);

/// <summary>
/// Writes a package in the normalised form of docs/content-format.md: keys in the spec's order, UTF-8 without BOM,
/// LF line endings, one trailing newline. The same bytes feed <see cref="ContentHash"/>, so "unchanged" means
/// "would be written identically". Every name is checked again, so no package can write outside the folder.
/// </summary>
public static class ContentWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes into <paramref name="directory"/>, which must be empty or not exist: stale files would make the export lie.</summary>
    public static void Write(ContentPackage package, string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new IOException($"The folder '{directory}' is not empty; export into an empty folder.");
        foreach (var file in Files(package))
        {
            var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, file.Content);
        }
    }

    public static IEnumerable<NormalisedFile> Files(ContentPackage package) =>
        new[] { Text(ContentNames.UnitsFile, UnitsYaml(package.Units)) }
            .Concat(package.Courses.SelectMany(Files))
            .Concat(package.Materials.SelectMany(Files))
            .Concat(package.Standards.Select(StandardFile));

    public static IEnumerable<NormalisedFile> Files(Course course)
    {
        var folder = $"courses/{Checked(course.Slug, ContentNames.IsSlug)}";
        yield return Text($"{folder}/{ContentNames.CourseFile}", ContentMarkdown.Course(course));
        foreach (var lesson in course.Lessons)
            yield return LessonFile(folder, lesson);
        foreach (var raw in course.Scenarios.Prepend(course.Assessment).OfType<RawTextFile>().OrderBy(r => r.FileName, StringComparer.Ordinal))
            yield return Text($"{folder}/{Checked(raw.FileName, IsCourseTextFile)}", Body(raw.Text));
    }

    public static NormalisedFile LessonFile(string courseFolder, Lesson lesson) =>
        Text($"{courseFolder}/{Checked(lesson.FileName, ContentNames.IsLessonFileName)}.md", ContentMarkdown.Lesson(lesson));

    public static IEnumerable<NormalisedFile> Files(Material material)
    {
        var slug = Checked(material.Slug, ContentNames.IsSlug);
        yield return Text($"materials/{slug}.md", ContentMarkdown.Material(material));
        foreach (var attachment in material.Attachments)
            yield return new($"materials/{slug}/{Checked(attachment.File, ContentNames.IsAttachmentFileName)}", attachment.Content.ToArray());
    }

    public static NormalisedFile StandardFile(QualityStandard standard) =>
        Text($"standards/{Checked(standard.Slug, ContentNames.IsSlug)}.md", ContentMarkdown.Standard(standard));

    public static string UnitsYaml(IEnumerable<SpecialistUnit> units) =>
        FrontMatterWriter.ListOfMappings(units, (w, u) => w.Slug("slug", Checked(u.Slug, ContentNames.IsSlug)).Text("name", u.Name).Text("description", u.Description));

    /// <summary>Markdown and raw text end in exactly one newline; an empty text stays empty.</summary>
    internal static string Body(string text)
    {
        var body = FrontMatter.NormaliseBody(text.Replace("\r\n", "\n"));
        return body.Length == 0 ? "" : body + "\n";
    }

    private static NormalisedFile Text(string path, string text) => new(path, Utf8.GetBytes(text));

    private static bool IsCourseTextFile(string name) =>
        ContentNames.IsCourseTextFileName(name, ContentNames.GiftExtension) || ContentNames.IsCourseTextFileName(name, ContentNames.ScenarioExtension);

    private static string Checked(string name, Func<string, bool> isValid) =>
        isValid(name) ? name : throw new ArgumentException($"'{name}' is not a valid name in the content format.");
}
