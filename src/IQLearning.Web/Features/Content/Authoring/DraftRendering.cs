using System.Security.Cryptography;
using System.Text;
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
                html = MarkdownRenderer.Shared.Render(edit.Body, language);
                break;
        }
        var searchText = kind is ContentKind.Assessment or ContentKind.Scenario
            ? edit.Title.ToLowerInvariant()
            : ContentVersions.SearchTextOf(edit.Title, edit.Summary, edit.Body);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{edit.Title}\n{edit.Summary}\n{edit.MetadataJson}\n{edit.Body}")));
        return new RenderedDraft(html, searchText, hash, problems);
    }
}
