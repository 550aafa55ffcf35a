using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

/// <summary>A run with the scenario version it was started on and the choices made so far.</summary>
public sealed record RunContext(ScenarioRun Run, PlayableScenario Scenario, IReadOnlyList<PathEntry> Path)
{
    public string BaseUrl => $"/scenario/{Run.ScenarioItemId}/runs/{Run.Id}";

    public bool IsFinished => Run.FinishedAt is not null;
}

/// <summary>Loads a run only for its owner and under its own scenario; anything else is not found (404).</summary>
public sealed class OwnRun(AppDbContext db, ScenarioVersions scenarios)
{
    public async Task<RunContext?> LoadAsync(string userId, int scenarioItemId, int runId, CancellationToken cancellationToken)
    {
        var run = await db.ScenarioRuns.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == runId && r.UserId == userId && r.ScenarioItemId == scenarioItemId, cancellationToken);
        if (run is null) return null;
        return new RunContext(run, await scenarios.VersionAsync(run.ScenarioVersionId, cancellationToken), PathEntry.Read(run.PathJson));
    }
}
