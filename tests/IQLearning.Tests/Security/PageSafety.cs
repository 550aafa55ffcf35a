using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace IQLearning.Tests.Security;

/// <summary>
/// Checks a whole page, as a browser parsed it, for markup that could run script: the site's own pages have only
/// external same-origin scripts, no event-handler attributes and no script-capable URL schemes, so anything of that
/// kind came from the input.
/// </summary>
internal static partial class PageSafety
{
    private static readonly string[] ForbiddenElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "content"];
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static void AssertNoExecutableMarkup(IDocument page, string input)
    {
        foreach (var element in page.All)
        {
            var where = $"<{element.LocalName}> on {page.Url} for input {input}";
            Assert.False(ForbiddenElements.Contains(element.LocalName), where);
            if (element.LocalName == "script")
            {
                var src = element.GetAttribute("src") ?? "";
                Assert.True(src.StartsWith('/') && !src.StartsWith("//"), "script without a same-origin src: " + where);
                Assert.True(string.IsNullOrWhiteSpace(element.TextContent), "inline script: " + where);
            }
            if (element.LocalName == "meta") Assert.Null(element.GetAttribute("http-equiv"));
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name}: {where}");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)
                    && Scheme().Match(Invisible().Replace(attribute.Value, "")) is { Success: true } scheme)
                    Assert.True(AllowedSchemes.Contains(scheme.Groups[1].Value.ToLowerInvariant()), $"scheme {scheme.Value} in {attribute.Name}: {where}");
            }
        }
    }

    /// <summary>The payloads of the shared XSS corpus (comments and blank lines skipped, "\n" a line break).</summary>
    public static IReadOnlyList<string> Corpus()
    {
        var path = Path.Combine(Support.SiteFactory.RepositoryRoot(), "tests", "IQLearning.Tests", "Features", "Content", "xss-corpus.txt");
        return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith("%%")).Select(l => l.Replace("\\n", "\n")).ToList();
    }

    // Browsers drop ASCII tabs, newlines and leading control characters before reading the scheme.
    [GeneratedRegex(@"[\x00-\x20]")]
    private static partial Regex Invisible();

    // "content" of <meta refresh> is "0;url=…": look past the delay too.
    [GeneratedRegex(@"^(?:\d+;url=)?([A-Za-z][A-Za-z0-9+.\-]*):", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();
}
