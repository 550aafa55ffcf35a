using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Taking;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

public sealed record ScenarioIntroView(int ScenarioItemId, string Title, string CourseTitle, string Language, int? OpenRunId, IReadOnlyList<int> FinishedRunIds);

public sealed class ScenarioIntro(AppDbContext db, ScenarioVersions scenarios, QuizVersions courses)
{
    public async Task<ScenarioIntroView?> HandleAsync(string userId, int scenarioItemId, CancellationToken cancellationToken)
    {
        if (await scenarios.PublishedAsync(scenarioItemId, cancellationToken) is not { } scenario) return null;
        var course = await courses.CourseAsync(scenario.CourseItemId, cancellationToken);
        var runs = await db.ScenarioRuns.AsNoTracking().Where(r => r.UserId == userId && r.ScenarioItemId == scenarioItemId)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.FinishedAt }).ToListAsync(cancellationToken);
        return new ScenarioIntroView(scenarioItemId, scenario.Scenario.Title, course.Title, scenario.Scenario.Language,
            runs.FirstOrDefault(r => r.FinishedAt is null)?.Id, runs.Where(r => r.FinishedAt is not null).Select(r => r.Id).ToList());
    }
}
