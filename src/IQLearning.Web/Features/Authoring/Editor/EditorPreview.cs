using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>A problem in the body, 1-based line; the text is already in the reader's language.</summary>
public sealed record BodyProblem(int Line, string Text);

/// <summary>
/// What the preview shows: Markdown rendered through the same sanitising pipeline a saved version uses, or for
/// GIFT and scenario YAML the result of the check (how many questions or steps, or every problem with its line).
/// </summary>
public sealed record EditorPreview(ContentKind Kind, string Language, string Html, int? Count, IReadOnlyList<BodyProblem> Problems)
{
    public static EditorPreview Of(ContentKind kind, string language, string? body, IStringLocalizer t)
    {
        body ??= "";
        switch (kind)
        {
            case ContentKind.Assessment:
                var gift = GiftParser.Parse("assessment.gift", body, GiftParseOptions.Content);
                var giftProblems = gift.Errors.Select(e => new BodyProblem(e.Line, e.Message)).ToList();
                if (gift.Succeeded && gift.Questions.Count == 0) giftProblems.Add(new BodyProblem(1, t["Authoring.Error.NoQuestions"]));
                return new(kind, language, "", gift.Questions.Count, giftProblems);
            case ContentKind.Scenario:
                var scenario = ScenarioReader.Read("scenario.yml", body);
                return new(kind, language, "", scenario.Scenario?.Steps.Count, scenario.Errors.Select(e => new BodyProblem(e.Line, e.Message)).ToList());
            default:
                var callouts = MarkdownRenderer.Shared.UnknownCallouts(body)
                    .Select(c => new BodyProblem(c.Line + 1, t["Authoring.Error.UnknownCallout", c.Kind, string.Join(", ", CalloutKinds.All)]))
                    .ToList();
                return new(kind, language, MarkdownRenderer.Shared.Render(body, language), null, callouts);
        }
    }
}

/// <summary>What the live preview posts (authoring.js).</summary>
public sealed record PreviewRequest(ContentKind Kind, string? Language, string? Body);
