using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>One value of a YAML list with the file line it stands on, for errors about that very item.</summary>
internal sealed record YamlItem(string Value, int Line, string Field);

/// <summary>
/// Typed, validating access to one YAML mapping of a content file. Every problem becomes a
/// <see cref="ContentError"/> at the line of the offending key or value; unknown keys are errors,
/// because a typo must not be silently ignored.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly YamlSource _source;
    private readonly string _path;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _emptyKeys = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode node, YamlSource source, string path, IReadOnlyCollection<string> allowedKeys)
    {
        (_node, _source, _path) = (node, source, path);
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowedKeys.Contains(name))
                source.Error(key, FieldOf(key.ToString()), $"Unknown key. Allowed here: {string.Join(", ", allowedKeys)}.");
            else if (IsNull(value))
                _emptyKeys[name] = key; // "title:" without a value counts as missing, reported on its own line
            else
                _entries[name] = (key, value);
        }
    }

    public YamlSource Source => _source;

    /// <summary>The mapping's own line, where a missing key is reported.</summary>
    public int Line => _source.LineOf(_node);

    public string FieldOf(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public int LineOf(string key) =>
        _entries.TryGetValue(key, out var entry) ? _source.LineOf(entry.Key)
        : _emptyKeys.TryGetValue(key, out var empty) ? _source.LineOf(empty)
        : Line;

    public bool Has(string key) => _entries.ContainsKey(key);

    public string? Text(string key, bool required = true)
    {
        if (Scalar(key, required) is not { } node) return null;
        if (!string.IsNullOrWhiteSpace(node.Value)) return node.Value;
        _source.Error(node, FieldOf(key), "Must not be empty.");
        return null;
    }

    public string? Slug(string key, bool required = true)
    {
        var value = Text(key, required);
        if (value is null || ContentNames.IsSlug(value)) return value;
        _source.Error(_entries[key].Value, FieldOf(key), SlugRule);
        return null;
    }

    public string? OneOf(string key, IReadOnlyList<string> allowed)
    {
        var value = Text(key);
        if (value is null || allowed.Contains(value)) return value;
        _source.Error(_entries[key].Value, FieldOf(key), $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        return null;
    }

    public int? Number(string key, int min, int max = int.MaxValue)
    {
        if (Scalar(key, true) is not { } node) return null;
        if (node.Style == ScalarStyle.Plain && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        var range = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}";
        _source.Error(node, FieldOf(key), $"Must be a whole number {range}.");
        return null;
    }

    public bool? Flag(string key, bool? fallback)
    {
        if (!_entries.ContainsKey(key) && fallback.HasValue) return fallback;
        if (Scalar(key, true) is not { } node) return null;
        if (node.Style == ScalarStyle.Plain && node.Value is "true" or "false") return node.Value == "true";
        _source.Error(node, FieldOf(key), "Must be true or false.");
        return null;
    }

    public DateOnly? Date(string key)
    {
        if (Scalar(key, true) is not { } node) return null;
        if (DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _source.Error(node, FieldOf(key), "Must be a date written as YYYY-MM-DD.");
        return null;
    }

    /// <summary>The scalar items of a list; null when the key is missing or not a list of scalars.</summary>
    public IReadOnlyList<YamlItem>? Items(string key, bool required, int minCount = 0)
    {
        if (Node<YamlSequenceNode>(key, required, "a list") is not { } list) return required ? null : [];
        var items = new List<YamlItem>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"{FieldOf(key)}[{i}]";
            if (list.Children[i] is YamlScalarNode { Value: { } v } item && !IsNull(item) && v.Trim().Length > 0)
                items.Add(new(v, _source.LineOf(item), field));
            else _source.Error(list.Children[i], field, "Must be a non-empty text.");
        }
        if (list.Children.Count < minCount) _source.Error(list, FieldOf(key), $"Needs at least {minCount} entr{(minCount == 1 ? "y" : "ies")}.");
        return items.Count == list.Children.Count ? items : null;
    }

    public YamlFields? Mapping(string key, IReadOnlyCollection<string> allowedKeys) =>
        Node<YamlMappingNode>(key, true, "a mapping of keys") is { } node ? new(node, _source, FieldOf(key), allowedKeys) : null;

    public IReadOnlyList<YamlFields>? Mappings(string key, IReadOnlyCollection<string> allowedKeys, bool required, int minCount)
    {
        if (Node<YamlSequenceNode>(key, required, "a list") is not { } list) return required ? null : [];
        if (list.Children.Count < minCount) _source.Error(list, FieldOf(key), $"Needs at least {minCount} entr{(minCount == 1 ? "y" : "ies")}.");
        var mappings = new List<YamlFields>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlMappingNode m) mappings.Add(new(m, _source, $"{FieldOf(key)}[{i}]", allowedKeys));
            else _source.Error(list.Children[i], $"{FieldOf(key)}[{i}]", "Must be a mapping of keys.");
        }
        return mappings.Count == list.Children.Count ? mappings : null;
    }

    public const string SlugRule = "Must be a slug: lower-case letters a-z, digits and single '-' between them, at most 80 characters.";

    private YamlScalarNode? Scalar(string key, bool required) => Node<YamlScalarNode>(key, required, "a single value");

    private T? Node<T>(string key, bool required, string expected) where T : YamlNode
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (required) _source.Error(LineOf(key), FieldOf(key), "Required key is missing or has no value.");
            return null;
        }
        if (entry.Value is T node) return node;
        _source.Error(entry.Value, FieldOf(key), $"Must be {expected}.");
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
