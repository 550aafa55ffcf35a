using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace IQLearning.Web.Infrastructure.Localization;

/// <summary>
/// All UI text of the site, German and English, read from the embedded Strings.{culture}.json files of the
/// site and of the theme. German is the default and the fallback.
/// </summary>
public sealed class TextCatalog
{
    public const string DefaultCulture = "de";
    public static readonly string[] SupportedCultures = ["de", "en"];

    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public TextCatalog(IReadOnlyDictionary<string, Dictionary<string, string>> texts) =>
        _texts = texts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> For(string culture) =>
        _texts.TryGetValue(culture, out var texts) ? texts : new Dictionary<string, string>();

    public string? Find(string key, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
            if (_texts.TryGetValue(c.Name, out var texts) && texts.TryGetValue(key, out var text)) return text;
        return _texts.TryGetValue(DefaultCulture, out var fallback) && fallback.TryGetValue(key, out var german) ? german : null;
    }

    public static TextCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies)
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Strings.") && n.EndsWith(".json")))
        {
            var culture = name[(name.LastIndexOf(".Strings.", StringComparison.Ordinal) + ".Strings.".Length)..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"{name}: not a JSON object of strings.");
            var table = texts.TryGetValue(culture, out var existing) ? existing : texts[culture] = new(StringComparer.Ordinal);
            foreach (var (key, value) in entries)
                if (!table.TryAdd(key, value)) throw new InvalidDataException($"{name}: key '{key}' is defined twice.");
        }
        return new TextCatalog(texts);
    }
}
