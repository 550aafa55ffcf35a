using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Assessments.SelfAssessment;

/// <summary>Private Likert self-checks: the questionnaire, the learner's profile, and deleting it.</summary>
[Authorize, Route("self-assessment")]
public sealed class SelfAssessmentController(IStringLocalizer<SelfAssessmentController> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public IActionResult Index([FromServices] SelfAssessmentInstruments instruments) => View(instruments.All.ToList());

    [HttpGet("{slug}")]
    public async Task<IActionResult> Instrument(string slug, [FromServices] TakeSelfAssessment take, CancellationToken cancellationToken) =>
        await take.ShowAsync(UserId, slug, cancellationToken) is { } view ? View(view) : NotFound();

    [HttpPost("{slug}")]
    public async Task<IActionResult> Save(string slug, [FromServices] TakeSelfAssessment take, CancellationToken cancellationToken)
    {
        if (await take.SaveAsync(UserId, slug, Request.Form, cancellationToken) is not { } outcome) return NotFound();
        if (outcome.ResultId is { } id) return Redirect($"/self-assessment/{slug}/results/{id}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Instrument", outcome.Page);
    }

    [HttpGet("{slug}/results/{resultId:int}")]
    public async Task<IActionResult> Result(string slug, int resultId, [FromServices] SelfAssessmentResults results, CancellationToken cancellationToken) =>
        await results.ShowAsync(UserId, slug, resultId, cancellationToken) is { } view ? View(view) : NotFound();

    [HttpPost("{slug}/results/{resultId:int}/delete")]
    public Task<IActionResult> Delete(string slug, int resultId, [FromServices] SelfAssessmentResults results, CancellationToken cancellationToken) =>
        DeleteAsync(results, slug, resultId, cancellationToken);

    [HttpPost("{slug}/results/delete")]
    public Task<IActionResult> DeleteAll(string slug, [FromServices] SelfAssessmentResults results, CancellationToken cancellationToken) =>
        DeleteAsync(results, slug, null, cancellationToken);

    private async Task<IActionResult> DeleteAsync(SelfAssessmentResults results, string slug, int? resultId, CancellationToken cancellationToken)
    {
        if (await results.DeleteAsync(UserId, slug, resultId, cancellationToken) == 0) return NotFound();
        TempData["StatusMessage"] = t["Assessments.Self.Deleted"].Value;
        return Redirect($"/self-assessment/{slug}");
    }
}
