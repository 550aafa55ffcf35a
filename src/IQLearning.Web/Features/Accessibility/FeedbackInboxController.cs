using System.Security.Claims;
using IQLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>Administrators read the reports from the feedback form and answer them (§ 12b (4) BGG: within a month).</summary>
[Authorize(Policy = Policies.Administrators), Route("admin/accessibility-feedback")]
public sealed class FeedbackInboxController(FeedbackList list, AnswerFeedback answerFeedback, IStringLocalizer<FeedbackInboxController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool open, CancellationToken cancellationToken) =>
        View(await list.PageAsync(open, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await list.DetailsAsync(id, null, cancellationToken) is { } details ? View(details) : NotFound();

    [HttpPost("{id:int}/answer")]
    public async Task<IActionResult> Answer(int id, AnswerForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await list.DetailsAsync(id, form, cancellationToken) is { } details ? View(nameof(Details), details) : NotFound();
        var outcome = await answerFeedback.HandleAsync(id, form, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome == AnswerOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = t[$"Accessibility.Inbox.{outcome}"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }
}
