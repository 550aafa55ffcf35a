using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace IQLearning.Web.Features.Content.Markdown;

/// <summary>
/// The second line of defence after Markdig (which already renders raw HTML as text): an allow-list of exactly
/// the tags, attributes and classes our Markdown produces. Anything else, however it got in, is dropped.
/// </summary>
internal static partial class MarkdownSanitizer
{
    private static readonly string[] Tags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside", "div", "span", "ul", "ol", "li", "pre", "code",
        "em", "strong", "del", "ins", "mark", "sub", "sup", "a", "img", "hr", "br",
        "table", "thead", "tbody", "tr", "th", "td", "input",
    ];

    private static readonly string[] Attributes =
        ["href", "src", "alt", "title", "id", "class", "aria-label", "scope", "start", "type", "checked", "disabled"];

    private static readonly string[] Classes =
    [
        "callout", "callout-title", "callout-reflection", "callout-tip", "callout-note", "callout-law", "callout-example",
        "table-wrapper", "align-left", "align-center", "align-right",
        "contains-task-list", "task-list-item", "footnotes", "footnote-ref", "footnote-back-ref",
    ];

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        });
        // Fenced code keeps its language class (for a highlighter) without listing every language.
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = e.Tag.LocalName == "code" && LanguageClass().IsMatch(e.CssClass);
        sanitizer.PostProcessDom += (_, e) => Finish(e.Document);
        return sanitizer;
    }

    private static void Finish(IDocument document)
    {
        // Only task-list check boxes are inputs; they must stay read-only.
        foreach (var input in document.QuerySelectorAll("input").ToList())
            if (input.GetAttribute("type") != "checkbox" || !input.HasAttribute("disabled")) input.Remove();
        foreach (var link in document.QuerySelectorAll("a[href]"))
            if (LeavesTheSite(link.GetAttribute("href")!)) link.SetAttribute("rel", "noopener noreferrer");
    }

    /// <summary>Absolute and protocol-relative links go to another origin; the site's own links are relative.</summary>
    private static bool LeavesTheSite(string href) =>
        href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ||
        href.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^language-[A-Za-z0-9_+#-]{1,40}$")]
    private static partial Regex LanguageClass();
}
