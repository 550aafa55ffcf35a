namespace IQLearning.Web.Features.Content.Files;

/// <summary>The allowed keys of each file kind, in the order of docs/content-format.md, which is also the order the writer uses.</summary>
internal static class ContentKeys
{
    public static readonly string[] Unit = ["slug", "name", "description"];

    public static readonly string[] Course =
    [
        "title", "language", "translation_of", "summary", "unit", "audiences", "topics", "duration_minutes",
        "outcomes", "standards", "certificate", "assessment", "scenarios", "modules",
    ];

    public static readonly string[] Certificate = ["pass_mark", "validity_months"];
    public static readonly string[] Module = ["title", "lessons"];
    public static readonly string[] Lesson = ["id", "title", "duration_minutes", "required"];
    public static readonly string[] Material = ["title", "language", "summary", "unit", "audiences", "topics", "attachments"];
    public static readonly string[] Attachment = ["file", "title"];
    public static readonly string[] Standard = ["title", "code", "version", "valid_from", "language", "unit", "summary"];
}
