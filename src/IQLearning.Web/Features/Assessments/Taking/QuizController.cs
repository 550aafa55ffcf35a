using System.Security.Claims;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>A page that refuses an action with a reason (409), e.g. answers to a submitted attempt or a submit after the deadline.</summary>
public sealed record RefusedView(string MessageKey, AttemptPageView? Attempt);

/// <summary>The quiz player: intro, one page of questions with autosave, review and confirm, result.</summary>
[Authorize, Route("quiz/{assessmentItemId:int}")]
public sealed class QuizController(IStringLocalizer<QuizController> t) : Controller
{
    /// <summary>quiz.js sends this header; it gets JSON back instead of a page.</summary>
    public const string AutosaveHeader = "X-Autosave";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Intro(int assessmentItemId, [FromServices] QuizIntro intro, CancellationToken cancellationToken) =>
        await intro.HandleAsync(UserId, assessmentItemId, cancellationToken) is { } view ? View(view) : NotFound();

    [HttpPost("attempts")]
    public async Task<IActionResult> Start(int assessmentItemId, [FromServices] StartAttempt start, CancellationToken cancellationToken)
    {
        var result = await start.HandleAsync(UserId, assessmentItemId, cancellationToken);
        if (result is null) return NotFound();
        if (result.AttemptId is { } attemptId) return Redirect($"/quiz/{assessmentItemId}/attempts/{attemptId}");
        TempData["StatusMessage"] = t[result.RefusalKey!].Value;
        return Redirect($"/quiz/{assessmentItemId}");
    }

    [HttpGet("attempts/{attemptId:int}")]
    public Task<IActionResult> Attempt(int assessmentItemId, int attemptId, [FromServices] ShowAttempt show, CancellationToken cancellationToken) =>
        ShowAsync(show, assessmentItemId, attemptId, "Attempt", whenSubmitted: "result", cancellationToken);

    [HttpGet("attempts/{attemptId:int}/review")]
    public Task<IActionResult> Review(int assessmentItemId, int attemptId, [FromServices] ShowAttempt show, CancellationToken cancellationToken) =>
        ShowAsync(show, assessmentItemId, attemptId, "Review", whenSubmitted: "result", cancellationToken);

    [HttpGet("attempts/{attemptId:int}/result")]
    public Task<IActionResult> Result(int assessmentItemId, int attemptId, [FromServices] ShowAttempt show, CancellationToken cancellationToken) =>
        ShowAsync(show, assessmentItemId, attemptId, "Result", whenSubmitted: null, cancellationToken);

    [HttpPost("attempts/{attemptId:int}/answers")]
    public async Task<IActionResult> Save(int assessmentItemId, int attemptId, string? next, [FromServices] SaveAnswers save,
        [FromServices] ShowAttempt show, CancellationToken cancellationToken)
    {
        var result = await save.HandleAsync(UserId, assessmentItemId, attemptId, Request.Form, cancellationToken);
        if (Request.Headers.ContainsKey(AutosaveHeader)) return AutosaveAnswer(result);
        var url = $"/quiz/{assessmentItemId}/attempts/{attemptId}";
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound: return NotFound();
            case SaveOutcome.Saved when next == "review": return Redirect(url + "/review");
            case SaveOutcome.Saved:
                TempData["StatusMessage"] = t["Assessments.Quiz.Saved"].Value;
                return Redirect(url);
            case SaveOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Attempt", await show.HandleAsync(UserId, assessmentItemId, attemptId, result.Problems, cancellationToken));
            default:
                return await RefuseAsync(show, assessmentItemId, attemptId, result.Outcome == SaveOutcome.TimeIsUp
                    ? "Assessments.Quiz.TimeIsUp" : "Assessments.Quiz.AlreadySubmitted", cancellationToken);
        }
    }

    [HttpPost("attempts/{attemptId:int}/submit")]
    public async Task<IActionResult> Submit(int assessmentItemId, int attemptId, [FromServices] SubmitAttempt submit,
        [FromServices] ShowAttempt show, CancellationToken cancellationToken) =>
        await submit.HandleAsync(UserId, assessmentItemId, attemptId, cancellationToken) switch
        {
            SubmitOutcome.NotFound => NotFound(),
            SubmitOutcome.TimeIsUp => await RefuseAsync(show, assessmentItemId, attemptId, "Assessments.Quiz.TimeIsUp", cancellationToken),
            _ => Redirect($"/quiz/{assessmentItemId}/attempts/{attemptId}/result"),
        };

    [HttpPost("attempts/{attemptId:int}/extend")]
    public async Task<IActionResult> Extend(int assessmentItemId, int attemptId, [FromServices] ExtendTime extend, CancellationToken cancellationToken)
    {
        var outcome = await extend.HandleAsync(UserId, assessmentItemId, attemptId, cancellationToken);
        if (outcome == ExtendOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = t[outcome == ExtendOutcome.Extended ? "Assessments.Time.Extended" : "Assessments.Time.CannotExtend"].Value;
        return Redirect($"/quiz/{assessmentItemId}/attempts/{attemptId}");
    }

    private async Task<IActionResult> ShowAsync(ShowAttempt show, int assessmentItemId, int attemptId, string viewName, string? whenSubmitted,
        CancellationToken cancellationToken)
    {
        if (await show.HandleAsync(UserId, assessmentItemId, attemptId, null, cancellationToken) is not { } view) return NotFound();
        var submitted = view.Context.Attempt.Status == AttemptStatus.Submitted;
        if (submitted && whenSubmitted is not null) return Redirect($"{view.BaseUrl}/{whenSubmitted}");
        if (!submitted && viewName == "Result") return Redirect(view.BaseUrl);
        return View(viewName, view);
    }

    private async Task<IActionResult> RefuseAsync(ShowAttempt show, int assessmentItemId, int attemptId, string messageKey, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Refused", new RefusedView(messageKey, await show.HandleAsync(UserId, assessmentItemId, attemptId, null, cancellationToken)));
    }

    private IActionResult AutosaveAnswer(SaveAnswersResult result) => result.Outcome switch
    {
        SaveOutcome.Saved => Json(new { saved = true, message = t["Assessments.Quiz.Autosaved"].Value }),
        SaveOutcome.NotFound => NotFound(),
        SaveOutcome.Invalid => BadRequest(new { saved = false, message = t["Assessments.Quiz.InvalidAnswer"].Value }),
        SaveOutcome.TimeIsUp => Conflict(new { saved = false, message = t["Assessments.Quiz.TimeIsUp"].Value }),
        _ => Conflict(new { saved = false, message = t["Assessments.Quiz.AlreadySubmitted"].Value }),
    };
}
