using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

/// <summary>Starts a run on the published version at the start step, or continues the unfinished one.</summary>
public sealed class StartRun(AppDbContext db, ScenarioVersions scenarios, TimeProvider clock)
{
    public async Task<int?> HandleAsync(string userId, int scenarioItemId, CancellationToken cancellationToken)
    {
        if (await scenarios.PublishedAsync(scenarioItemId, cancellationToken) is not { } scenario) return null;
        var open = await db.ScenarioRuns.Where(r => r.UserId == userId && r.ScenarioItemId == scenarioItemId && r.FinishedAt == null)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is not null) return open;
        var run = new ScenarioRun
        {
            UserId = userId, ScenarioItemId = scenarioItemId, ScenarioVersionId = scenario.VersionId,
            StartedAt = clock.GetUtcNow().UtcDateTime, CurrentStepId = scenario.Scenario.Start,
        };
        db.ScenarioRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }
}
