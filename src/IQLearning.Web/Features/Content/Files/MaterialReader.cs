namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads <c>materials/&lt;slug&gt;.md</c> and the attached files in <c>materials/&lt;slug&gt;/</c>.</summary>
internal static class MaterialReader
{
    public static Material? Read(ReadContext context, string slug)
    {
        var file = $"materials/{slug}.md";
        if (context.ReadMarkdown(file, ContentKeys.Material) is not { } markdown) return null;
        var f = markdown.Fields;
        var title = f.Text("title");
        var language = ReadContext.Language(f);
        var summary = f.Text("summary");
        var unit = context.Unit(f);
        var audiences = ReadContext.Audiences(f);
        var topics = ReadContext.Topics(f);
        var attachments = Attachments(context, f, slug);
        if (title is null || language is null || summary is null || unit is null || audiences is null || topics is null || attachments is null)
            return null;
        return new Material
        {
            Slug = slug, Title = title, Language = language, Summary = summary, Unit = unit,
            Audiences = audiences, Topics = topics, Attachments = attachments, Body = markdown.Body,
        };
    }

    private static EquatableList<MaterialAttachment>? Attachments(ReadContext context, YamlFields fields, string slug)
    {
        var folder = $"materials/{slug}";
        var onDisk = FilesIn(context, folder);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var attachments = new List<MaterialAttachment>();
        var entries = fields.Mappings("attachments", ContentKeys.Attachment, required: false, minCount: 0);
        foreach (var entry in entries ?? [])
        {
            var name = entry.Text("file");
            var title = entry.Text("title");
            if (name is null || title is null) continue;
            var line = entry.LineOf("file");
            if (!ContentNames.IsAttachmentFileName(name))
                entry.Source.Error(line, entry.FieldOf("file"), "Must be a plain file name in the material's folder: letters, digits, '.', '_', '-', no folders.");
            else if (!listed.Add(name))
                entry.Source.Error(line, entry.FieldOf("file"), $"'{name}' is listed twice.");
            else if (!onDisk.Contains(name))
                entry.Source.Error(line, entry.FieldOf("file"), $"File {folder}/{name} does not exist.");
            else if (ContentText.ReadBytes(context.FullPath($"{folder}/{name}"), $"{folder}/{name}", context.Errors) is { } bytes)
                attachments.Add(new MaterialAttachment(name, title, new FileBytes(bytes)));
        }
        foreach (var stray in onDisk.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
            context.Errors.Add($"{folder}/{stray}", 0, "", $"The file is not listed under attachments: in materials/{slug}.md.");
        return entries is not null && attachments.Count == entries.Count ? attachments.ToEquatableList() : null;
    }

    private static HashSet<string> FilesIn(ReadContext context, string folder)
    {
        foreach (var sub in context.FolderNames(folder))
            context.Errors.Add($"{folder}/{sub}", 0, "", "Attachments are files directly in the material's folder, not in sub-folders.");
        return context.FileNames(folder).ToHashSet(StringComparer.Ordinal);
    }
}
