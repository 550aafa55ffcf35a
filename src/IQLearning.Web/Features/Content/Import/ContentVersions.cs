using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Model;
using FileCourse = IQLearning.Web.Features.Content.Files.Course;

namespace IQLearning.Web.Features.Content.Import;

/// <summary>The fields of a new version, rendered once: HTML, search text, metadata and hash.</summary>
public sealed record VersionInput(string Title, string Summary, string Body, string BodyHtml, string MetadataJson, string ContentHash, string SearchText);

/// <summary>Turns the records of a content folder into version inputs.</summary>
public static class ContentVersions
{
    public static VersionInput Course(FileCourse course) => Text(course.Title, course.Summary, course.Description, course.Language,
        new CourseMetadata(course.Audiences, course.Topics, course.DurationMinutes, course.Outcomes, course.Standards,
            course.Certificate.PassMark, course.Certificate.ValidityMonths, course.Assessment?.FileName,
            course.Scenarios.Select(s => s.FileName).ToList(),
            course.Modules.Select(m => new Model.CourseModule(m.Title, m.Lessons.Select(l => l.Id).ToList())).ToList()),
        ContentHash.Of(course));

    public static VersionInput Lesson(Files.Lesson lesson, string language) => Text(lesson.Title, "", lesson.Body, language,
        new LessonMetadata(lesson.FileName, lesson.DurationMinutes, lesson.Required), ContentHash.Of(lesson));

    public static VersionInput Material(Files.Material material, IReadOnlyList<Model.MaterialAttachment> attachments) =>
        Text(material.Title, material.Summary, material.Body, material.Language,
            new MaterialMetadata(material.Audiences, material.Topics, attachments), ContentHash.Of(material));

    public static VersionInput Standard(QualityStandard standard) => Text(standard.Title, standard.Summary, standard.Body, standard.Language,
        new StandardMetadata(standard.Code, standard.Version, standard.ValidFrom), ContentHash.Of(standard));

    /// <summary>A GIFT or scenario source: stored as written; its own feature renders it.</summary>
    public static VersionInput Source(RawTextFile file, string title) =>
        new(title, "", file.Text, "", ContentMetadata.Serialize(new SourceFileMetadata(file.FileName)),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file.FileName + "\n" + file.Text))),
            title.ToLowerInvariant());

    public static VersionInput Text<T>(string title, string summary, string body, string language, T metadata, string hash) =>
        new(title, summary, body, MarkdownRenderer.Shared.Render(body, language), ContentMetadata.Serialize(metadata), hash,
            SearchTextOf(title, summary, body));

    public static string SearchTextOf(string title, string summary, string body) =>
        $"{title} {summary} {MarkdownRenderer.Shared.PlainText(body)}".ToLowerInvariant();
}
