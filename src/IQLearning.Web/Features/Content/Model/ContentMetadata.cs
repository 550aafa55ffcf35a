using System.Text.Json;

namespace IQLearning.Web.Features.Content.Model;

/// <summary>The course fields of a version (front matter of course.md).</summary>
public sealed record CourseMetadata(
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Topics,
    int DurationMinutes,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Standards,
    int PassMark,
    int ValidityMonths,
    string? Assessment,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<CourseModule> Modules)
{
    /// <summary>The lesson ids in reading order.</summary>
    public IEnumerable<string> LessonIds => Modules.SelectMany(m => m.Lessons);
}

public sealed record CourseModule(string Title, IReadOnlyList<string> Lessons);

/// <param name="FileName">The lesson's file name without .md (NN-slug), kept so an export writes the same files.</param>
public sealed record LessonMetadata(string FileName, int DurationMinutes, bool Required);

/// <summary>Where an assessment or scenario came from, for export.</summary>
public sealed record SourceFileMetadata(string FileName);

public sealed record MaterialMetadata(IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics, IReadOnlyList<MaterialAttachment> Attachments);

public sealed record MaterialAttachment(string File, string Title, string? Sha256);

public sealed record StandardMetadata(string Code, string Version, DateOnly? ValidFrom);

public static class ContentMetadata
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T metadata) => JsonSerializer.Serialize(metadata, Options);

    public static T Read<T>(this ContentVersion version) =>
        JsonSerializer.Deserialize<T>(version.MetadataJson, Options)
        ?? throw new InvalidDataException($"Version {version.Id} has no {typeof(T).Name}.");
}
