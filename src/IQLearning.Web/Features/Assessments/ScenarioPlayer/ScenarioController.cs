using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Assessments.ScenarioPlayer;

/// <summary>The current step of a run, with the text key of a problem with the last post (if any).</summary>
public sealed record RunPageView(RunContext Context, string? ProblemKey);

/// <summary>The explanation of one choice of a run.</summary>
public sealed record ChoicePageView(RunContext Context, int ChoiceNumber)
{
    public PathEntry Entry => Context.Path[ChoiceNumber];
}

/// <summary>The critical-incident player: situation, options as a radio group, explanation, next step or end.</summary>
[Authorize, Route("scenario/{scenarioItemId:int}")]
public sealed class ScenarioController(IStringLocalizer<ScenarioController> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Intro(int scenarioItemId, [FromServices] ScenarioIntro intro, CancellationToken cancellationToken) =>
        await intro.HandleAsync(UserId, scenarioItemId, cancellationToken) is { } view ? View(view) : NotFound();

    [HttpPost("runs")]
    public async Task<IActionResult> Start(int scenarioItemId, [FromServices] StartRun start, CancellationToken cancellationToken) =>
        await start.HandleAsync(UserId, scenarioItemId, cancellationToken) is { } runId
            ? Redirect($"/scenario/{scenarioItemId}/runs/{runId}")
            : NotFound();

    [HttpGet("runs/{runId:int}")]
    public async Task<IActionResult> Run(int scenarioItemId, int runId, [FromServices] OwnRun runs, CancellationToken cancellationToken) =>
        await runs.LoadAsync(UserId, scenarioItemId, runId, cancellationToken) is { } run ? View(new RunPageView(run, null)) : NotFound();

    [HttpGet("runs/{runId:int}/choices/{choiceNumber:int}")]
    public async Task<IActionResult> Choice(int scenarioItemId, int runId, int choiceNumber, [FromServices] OwnRun runs, CancellationToken cancellationToken) =>
        await runs.LoadAsync(UserId, scenarioItemId, runId, cancellationToken) is { } run && choiceNumber >= 0 && choiceNumber < run.Path.Count
            ? View(new ChoicePageView(run, choiceNumber))
            : NotFound();

    [HttpPost("runs/{runId:int}/choices")]
    public async Task<IActionResult> Choose(int scenarioItemId, int runId, string? step, int? option, [FromServices] ChooseOption choose,
        [FromServices] OwnRun runs, CancellationToken cancellationToken)
    {
        var result = await choose.HandleAsync(UserId, scenarioItemId, runId, step, option, cancellationToken);
        var url = $"/scenario/{scenarioItemId}/runs/{runId}";
        switch (result.Outcome)
        {
            case ChooseOutcome.NotFound: return NotFound();
            case ChooseOutcome.Chosen: return Redirect($"{url}/choices/{result.ChoiceNumber}");
            case ChooseOutcome.StepAlreadyPassed:
                TempData["StatusMessage"] = t["Assessments.Scenario.StepPassed"].Value;
                return Redirect(url);
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                var run = (await runs.LoadAsync(UserId, scenarioItemId, runId, cancellationToken))!;
                return View("Run", new RunPageView(run, result.Outcome == ChooseOutcome.NothingChosen
                    ? "Assessments.Scenario.ChooseOne" : "Assessments.Scenario.NotOffered"));
        }
    }
}
