using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IQLearning.Tests.Features.Content.Markdown;

/// <summary>Parses rendered HTML like a browser would and fails on anything that can run script or leave the allowed schemes.</summary>
internal static partial class HtmlSafety
{
    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "object", "embed", "style", "meta", "form", "base", "link", "svg", "math", "button", "textarea", "select"];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "cite", "longdesc", "codebase"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");

    public static void AssertSafe(string html)
    {
        foreach (var element in Parse(html).Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                    AssertAllowedScheme(attribute.Value, html);
            }
        }
    }

    private static void AssertAllowedScheme(string url, string html)
    {
        // Browsers drop ASCII tabs, newlines and leading control characters before reading the scheme.
        var compact = Invisible().Replace(url, "");
        if (Scheme().Match(compact) is { Success: true } match)
            Assert.True(AllowedSchemes.Contains(match.Groups[1].Value.ToLowerInvariant()), $"scheme '{match.Groups[1].Value}' in {html}");
    }

    [GeneratedRegex(@"[\x00-\x20]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
