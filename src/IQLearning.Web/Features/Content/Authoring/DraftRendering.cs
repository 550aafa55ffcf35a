using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Import;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Model;

namespace IQLearning.Web.Features.Content.Authoring;

/// <summary>A draft rendered once at save time: sanitised HTML, search text, hash — or why it cannot be saved.</summary>
public sealed record RenderedDraft(string Html, string SearchText, string Hash, IReadOnlyList<string> Problems);

public static class DraftRendering
{
    public static RenderedDraft Render(ContentKind kind, string language, DraftEdit edit)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(edit.Title)) problems.Add("title: required");
        var html = "";
        switch (kind)
        {
            case ContentKind.Assessment:
                problems.AddRange(GiftParser.Parse("assessment.gift", edit.Body, GiftParseOptions.Content).Errors.Select(e => e.ToString()));
                break;
            case ContentKind.Scenario:
                problems.AddRange(ScenarioReader.Read("scenario.yml", edit.Body).Errors.Select(e => e.ToString()));
                break;
            default:
                problems.AddRange(MarkdownRenderer.Shared.UnknownCallouts(edit.Body).Select(c => $"body: unknown callout {c}"));
                html = CheckImages(MarkdownRenderer.Shared.Render(edit.Body, language), problems);
                break;
        }
        var searchText = kind is ContentKind.Assessment or ContentKind.Scenario
            ? edit.Title.ToLowerInvariant()
            : ContentVersions.SearchTextOf(edit.Title, edit.Summary, edit.Body);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{edit.Title}\n{edit.Summary}\n{edit.MetadataJson}\n{edit.Body}")));
        return new RenderedDraft(html, searchText, hash, problems);
    }

    /// <summary>The alt text an author writes for an image that carries no information (<c>![-](…)</c>).</summary>
    public const string DecorativeAltText = "-";

    /// <summary>
    /// WCAG 1.1.1: every image needs a text alternative. An empty one is refused, because "forgot" and "decorative"
    /// look the same in <c>![](…)</c>; a decorative image is marked with <see cref="DecorativeAltText"/> and rendered
    /// with <c>alt=""</c>, so screen readers skip it instead of reading a dash. (Video cannot be embedded through
    /// Markdown at all; the media library requires captions for every video it stores.)
    /// </summary>
    private static string CheckImages(string html, List<string> problems)
    {
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        var decorative = 0;
        foreach (var image in body.QuerySelectorAll("img"))
        {
            var alt = image.GetAttribute("alt")?.Trim() ?? "";
            if (alt == DecorativeAltText)
            {
                image.SetAttribute("alt", "");
                decorative++;
            }
            else if (alt.Length == 0)
                problems.Add($"body: image {image.GetAttribute("src")} needs alt text (describe it, or write ![{DecorativeAltText}](…) if it is decorative)");
        }
        // Re-serialised only when something changed, so every other draft keeps the sanitizer's exact output.
        return decorative > 0 ? body.InnerHtml : html;
    }
}
