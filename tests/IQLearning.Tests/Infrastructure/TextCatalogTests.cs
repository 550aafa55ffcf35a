using System.Text.RegularExpressions;
using IQLearning.Web.Infrastructure.Localization;

namespace IQLearning.Tests.Infrastructure;

/// <summary>Every UI text exists in German and English, and every key the code uses is in the catalog.</summary>
public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog =
        TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(IQLearning.Theme.ThemeMarker).Assembly);

    [Fact]
    public void German_and_English_have_the_same_keys()
    {
        var de = Catalog.For("de").Keys.ToHashSet();
        var en = Catalog.For("en").Keys.ToHashSet();
        Assert.NotEmpty(de);
        Assert.Empty(de.Except(en));
        Assert.Empty(en.Except(de));
    }

    [Fact]
    public void No_text_is_empty_and_placeholders_match_between_languages()
    {
        foreach (var (key, german) in Catalog.For("de"))
        {
            var english = Catalog.For("en")[key];
            Assert.False(string.IsNullOrWhiteSpace(german), key);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.Equal(Placeholders(german), Placeholders(english));
        }
    }

    [Fact]
    public void Every_key_used_in_code_and_views_is_in_the_catalog()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "themes" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/"));
        var missing = new List<string>();
        foreach (var file in files)
        foreach (Match m in UsedKey().Matches(File.ReadAllText(file)))
        {
            var key = m.Groups["key"].Value;
            if (Catalog.For("de").ContainsKey(key) || key.EndsWith('.')) continue; // dynamic keys end with '.' + value
            missing.Add($"{Path.GetRelativePath(root, file)}: {key}");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Lookup_falls_back_to_german_for_an_unknown_culture()
    {
        Assert.Equal("Anmelden", Catalog.Find("Theme.SignIn", System.Globalization.CultureInfo.GetCultureInfo("fr")));
        Assert.Equal("Sign in", Catalog.Find("Theme.SignIn", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        Assert.Null(Catalog.Find("No.Such.Key", System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IQLearning.sln"))) return dir.FullName;
        throw new InvalidOperationException("IQLearning.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order().ToArray();

    // T["Key"], t["Key"], ErrorMessage = "Key", Name = "Key", NavigationItem("Key", …; keys look like Area.Word(.Word)*
    [GeneratedRegex("""(?:\b[Tt]\[\$?"|ErrorMessage = "|Name = "|NavigationItem\(")(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]*)""")]
    private static partial Regex UsedKey();
}
