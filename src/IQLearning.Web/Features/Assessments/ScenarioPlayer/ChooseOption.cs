using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Taking;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

public enum ChooseOutcome { Chosen, NotFound, NothingChosen, NotOffered, StepAlreadyPassed }

/// <param name="ChoiceNumber">The position of the new choice in the path (0-based), to show its explanation.</param>
public sealed record ChooseResult(ChooseOutcome Outcome, int ChoiceNumber = -1);

/// <summary>
/// Records the learner's choice in the current step and moves the run on; an option without <c>next</c> finishes it
/// and raises the course step in the same transaction. The update is conditional on the step the learner saw, so a
/// double click or a stale page never records a choice twice or for the wrong step.
/// </summary>
public sealed class ChooseOption(AppDbContext db, OwnRun runs, CourseSteps steps, TimeProvider clock)
{
    public async Task<ChooseResult> HandleAsync(string userId, int scenarioItemId, int runId, string? stepId, int? option,
        CancellationToken cancellationToken)
    {
        if (await runs.LoadAsync(userId, scenarioItemId, runId, cancellationToken) is not { } context) return new(ChooseOutcome.NotFound);
        if (context.IsFinished || stepId is null || stepId != context.Run.CurrentStepId) return new(ChooseOutcome.StepAlreadyPassed);
        var step = context.Scenario.Scenario.Step(stepId)!;
        if (option is null) return new(ChooseOutcome.NothingChosen);
        if (option < 0 || option >= step.Options.Count) return new(ChooseOutcome.NotOffered);

        var now = clock.GetUtcNow().UtcDateTime;
        var chosen = step.Options[option.Value];
        var path = PathEntry.Write(context.Path.Append(new PathEntry(stepId, option.Value, now)));
        DateTime? finishedAt = chosen.EndsScenario ? now : null;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var updated = await db.ScenarioRuns
                .Where(r => r.Id == runId && r.CurrentStepId == stepId && r.FinishedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.PathJson, path)
                    .SetProperty(r => r.CurrentStepId, chosen.Next)
                    .SetProperty(r => r.FinishedAt, finishedAt), cancellationToken);
            if (updated == 0) return new ChooseResult(ChooseOutcome.StepAlreadyPassed);
            if (chosen.EndsScenario)
            {
                await steps.CompletedAsync(userId, context.Scenario.CourseItemId, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new ChooseResult(ChooseOutcome.Chosen, context.Path.Count);
        });
    }
}
