using System.Net;
using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

/// <summary>
/// A scenario version ready to play: parsed and its Markdown rendered once. A published version never changes,
/// so it is kept in memory by version id and no request runs the YAML reader or Markdig again.
/// </summary>
public sealed class PlayableScenario(int versionId, int scenarioItemId, int courseItemId, Scenario scenario)
{
    private readonly Dictionary<string, IHtmlContent> _situations = scenario.Steps.ToDictionary(
        s => s.Id, s => (IHtmlContent)new HtmlString(MarkdownRenderer.Shared.Render(s.Situation, scenario.Language)));
    private readonly Dictionary<(string, int), IHtmlContent> _explanations = scenario.Steps
        .SelectMany(s => s.Options.Select((o, i) => (Key: (s.Id, i), Html: MarkdownRenderer.Shared.Render(o.Explanation, scenario.Language))))
        .ToDictionary(x => x.Key, x => (IHtmlContent)new HtmlString(x.Html));

    public int VersionId { get; } = versionId;
    public int ScenarioItemId { get; } = scenarioItemId;
    public int CourseItemId { get; } = courseItemId;
    public Scenario Scenario { get; } = scenario;

    public IHtmlContent Situation(string stepId) => _situations[stepId];

    public IHtmlContent Explanation(string stepId, int option) => _explanations[(stepId, option)];
}

/// <summary>One choice of a run, as stored in <c>ScenarioRun.PathJson</c>.</summary>
public sealed record PathEntry(string Step, int Option, DateTime At)
{
    public static List<PathEntry> Read(string json) => JsonSerializer.Deserialize<List<PathEntry>>(json, JsonOptions) ?? [];

    public static string Write(IEnumerable<PathEntry> path) => JsonSerializer.Serialize(path, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed class ScenarioVersions(AppDbContext db, IMemoryCache cache)
{
    public async Task<PlayableScenario?> PublishedAsync(int scenarioItemId, CancellationToken cancellationToken)
    {
        var versionId = await db.ContentItems.AsNoTracking()
            .Where(i => i.Id == scenarioItemId && i.Kind == ContentKind.Scenario && !i.Archived)
            .Select(i => i.PublishedVersionId).SingleOrDefaultAsync(cancellationToken);
        return versionId is { } id ? await VersionAsync(id, cancellationToken) : null;
    }

    public async Task<PlayableScenario> VersionAsync(int versionId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("scenario-version", versionId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var row = await db.ContentVersions.AsNoTracking().Where(v => v.Id == versionId)
                .Select(v => new { v.Id, v.ContentItemId, v.Item!.ParentId, v.Body }).SingleAsync(cancellationToken);
            var read = ScenarioReader.Read("scenario.yml", row.Body);
            if (!read.Succeeded) throw new InvalidDataException($"Scenario version {versionId} does not parse: {string.Join("; ", read.Errors)}");
            return new PlayableScenario(row.Id, row.ContentItemId, row.ParentId ?? 0, read.Scenario!);
        }) ?? throw new InvalidOperationException("The cache returned no scenario version.");
}
