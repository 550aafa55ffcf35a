using IQLearning.Web.Features.Content.Markdown;
using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>A Markdown content file: its validated front matter fields and its body.</summary>
internal sealed record MarkdownFile(YamlFields Fields, string Body);

/// <summary>
/// What one read of a content folder knows so far: the root, the errors, and the names other files may refer to.
/// Units and the slugs of standards and courses are collected first, so references are checked where they stand.
/// </summary>
internal sealed class ReadContext(string root)
{
    public ContentErrors Errors { get; } = new();
    public HashSet<string> Units { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Standards { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Courses { get; } = new(StringComparer.Ordinal);

    /// <summary>Lesson id → the file that claimed it first.</summary>
    public Dictionary<string, string> LessonIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A course whose <c>translation_of</c> is checked once every course's language is known.</summary>
    public List<(string File, int Line, string Language, string Original)> Translations { get; } = [];

    public string FullPath(string file) => Path.Combine(root, file.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>File names in a folder, sorted; hidden files (.gitkeep, .DS_Store) are not content.</summary>
    public IReadOnlyList<string> FileNames(string folder) => Entries(Directory.GetFiles, folder);

    public IReadOnlyList<string> FolderNames(string folder) => Entries(Directory.GetDirectories, folder);

    private IReadOnlyList<string> Entries(Func<string, string[]> list, string folder) =>
        Directory.Exists(FullPath(folder))
            ? list(FullPath(folder)).Select(p => Path.GetFileName(p)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];

    public MarkdownFile? ReadMarkdown(string file, IReadOnlyCollection<string> keys)
    {
        if (ContentText.Read(FullPath(file), file, Errors) is not { } text) return null;
        if (FrontMatter.Split(text, file, Errors) is not { } frontMatter) return null;
        var source = new YamlSource(file, frontMatter.LineOffset, Errors);
        CheckCallouts(file, frontMatter);
        switch (source.Load(frontMatter.Yaml))
        {
            case YamlMappingNode mapping:
                return new(new YamlFields(mapping, source, "", keys), frontMatter.Body);
            case { } other:
                source.Error(other, "", "The front matter must be a mapping of keys to values.");
                return null;
            default:
                return null;
        }
    }

    public string? Unit(YamlFields fields)
    {
        var unit = fields.Slug("unit");
        if (unit is null || Units.Contains(unit)) return unit;
        fields.Source.Error(fields.LineOf("unit"), fields.FieldOf("unit"), $"Unit '{unit}' is not listed in {ContentNames.UnitsFile}.");
        return null;
    }

    public static string? Language(YamlFields fields) => fields.OneOf("language", ContentNames.Languages);

    public static EquatableList<string>? Audiences(YamlFields fields) =>
        Vocabulary(fields, "audiences", required: true, minCount: 1, v => ContentNames.Audiences.Contains(v),
            $"Not an audience; use one of: {string.Join(", ", ContentNames.Audiences)}.");

    public static EquatableList<string>? Topics(YamlFields fields) =>
        Vocabulary(fields, "topics", required: false, minCount: 0, ContentNames.IsSlug, YamlFields.SlugRule);

    /// <summary>A list of distinct values that each pass <paramref name="isValid"/>; null when any does not.</summary>
    public static EquatableList<string>? Vocabulary(
        YamlFields fields, string key, bool required, int minCount, Func<string, bool> isValid, string rule)
    {
        if (fields.Items(key, required, minCount) is not { } items) return null;
        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!isValid(item.Value)) fields.Source.Error(item.Line, item.Field, $"'{item.Value}': {rule}");
            else if (!seen.Add(item.Value)) fields.Source.Error(item.Line, item.Field, $"'{item.Value}' is listed twice.");
            else continue;
            ok = false;
        }
        return ok ? items.Select(i => i.Value).ToEquatableList() : null;
    }

    private void CheckCallouts(string file, FrontMatter frontMatter)
    {
        foreach (var callout in MarkdownRenderer.Shared.UnknownCallouts(frontMatter.Body))
            Errors.Add(file, frontMatter.BodyFirstLine + callout.Line, "",
                $"Unknown callout [!{callout.Kind}]; use one of: {string.Join(", ", CalloutKinds.All.Select(k => $"[!{k}]"))}.");
    }
}
