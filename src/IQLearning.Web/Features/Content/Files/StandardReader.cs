namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads <c>standards/&lt;slug&gt;.md</c>.</summary>
internal static class StandardReader
{
    public static QualityStandard? Read(ReadContext context, string slug)
    {
        var file = $"standards/{slug}.md";
        if (context.ReadMarkdown(file, ContentKeys.Standard) is not { } markdown) return null;
        var f = markdown.Fields;
        var title = f.Text("title");
        var code = f.Text("code");
        var version = f.Text("version");
        var validFrom = f.Date("valid_from");
        var language = ReadContext.Language(f);
        var unit = context.Unit(f);
        var summary = f.Text("summary");
        if (title is null || code is null || version is null || validFrom is null || language is null || unit is null || summary is null)
            return null;
        return new QualityStandard
        {
            Slug = slug, Title = title, Code = code, Version = version, ValidFrom = validFrom.Value,
            Language = language, Unit = unit, Summary = summary, Body = markdown.Body,
        };
    }
}
