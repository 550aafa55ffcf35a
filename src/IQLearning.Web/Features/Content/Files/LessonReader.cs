namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads one lesson file <c>courses/&lt;course&gt;/NN-&lt;lesson&gt;.md</c>.</summary>
internal static class LessonReader
{
    public static Lesson? Read(ReadContext context, string folder, string fileName)
    {
        var file = $"{folder}/{fileName}.md";
        if (context.ReadMarkdown(file, ContentKeys.Lesson) is not { } markdown) return null;
        var f = markdown.Fields;
        var id = UniqueId(context, f, file);
        var title = f.Text("title");
        var duration = f.Number("duration_minutes", min: 1);
        var required = f.Flag("required", fallback: true);
        if (id is null || title is null || duration is null || required is null) return null;
        return new Lesson
        {
            FileName = fileName, Id = id, Title = title, DurationMinutes = duration.Value,
            Required = required.Value, Body = markdown.Body,
        };
    }

    /// <summary>Progress points at the lesson id, so two lessons with one id would share (and corrupt) progress.</summary>
    private static string? UniqueId(ReadContext context, YamlFields fields, string file)
    {
        var id = fields.Slug("id");
        if (id is null) return null;
        if (context.LessonIds.TryAdd(id, file)) return id;
        fields.Source.Error(fields.LineOf("id"), "id", $"Lesson id '{id}' is already used by {context.LessonIds[id]}.");
        return null;
    }
}
