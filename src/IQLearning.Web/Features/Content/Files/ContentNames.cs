using System.Text.RegularExpressions;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>The naming rules of the content format; the writer checks them too, so no name can escape its folder.</summary>
public static partial class ContentNames
{
    public const int MaxSlugLength = 80;
    public const string CourseFile = "course.md";
    public const string UnitsFile = "units.yml";
    public const string GiftExtension = ".gift";
    public const string ScenarioExtension = ".scenario.yml";

    public static readonly IReadOnlyList<string> Languages = ["de", "en"];
    public static readonly IReadOnlyList<string> Audiences = ["hr", "jobcentre", "administration"];

    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(value);

    /// <summary><c>NN-&lt;lesson-slug&gt;</c>, the lesson file name without <c>.md</c>.</summary>
    public static bool IsLessonFileName(string? value) =>
        value is { Length: > 3 } && LessonPattern().IsMatch(value) && IsSlug(value[3..]);

    /// <summary>A GIFT or scenario file of a course folder: a slug plus its extension.</summary>
    public static bool IsCourseTextFileName(string? value, string extension) =>
        value is not null && value.EndsWith(extension, StringComparison.Ordinal) && IsSlug(value[..^extension.Length]);

    /// <summary>An attachment: a plain file name (no folders, no leading dot), as it appears in a relative link.</summary>
    public static bool IsAttachmentFileName(string? value) =>
        value is { Length: > 0 and <= 120 } && AttachmentPattern().IsMatch(value) && !value.Contains("..");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{2}-")]
    private static partial Regex LessonPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex AttachmentPattern();
}
