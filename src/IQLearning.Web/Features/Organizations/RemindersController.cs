using IQLearning.Web.Features.Organizations.Reminders;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Organizations;

/// <summary>The opt-out link of reminder mails: a page that asks, and a post that records the choice (mail scanners only GET).</summary>
[Route("reminders/opt-out")]
public sealed class RemindersController(ReminderOptOut optOut) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> OptOut(string? token, CancellationToken cancellationToken) =>
        Page(await optOut.LoadAsync(token, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Confirm(string? token, CancellationToken cancellationToken) =>
        Page(await optOut.ConfirmAsync(token, cancellationToken));

    private ViewResult Page(OptOutView view)
    {
        if (view.State == OptOutState.Invalid) Response.StatusCode = StatusCodes.Status404NotFound;
        return View("OptOut", view);
    }
}
