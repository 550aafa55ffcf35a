using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>
/// The feedback mechanism of the accessibility statement (BITV 2.0 § 7): the form is embedded in /barrierefreiheit
/// and also stands alone here, where it comes back with its errors after an invalid post.
/// </summary>
[Route("barrierefreiheit/feedback")]
public sealed class FeedbackController(ReportBarrier reportBarrier) : Controller
{
    [HttpGet("")]
    public IActionResult Form(string? page) => View(new FeedbackForm { PageUrl = page });

    [HttpPost(""), EnableRateLimiting(AccessibilityServiceCollectionExtensions.FeedbackRateLimit)]
    public async Task<IActionResult> Submit(FeedbackForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return View(nameof(Form), form);
        await reportBarrier.HandleAsync(form, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        return RedirectToAction(nameof(Confirmation));
    }

    [HttpGet("confirmation")]
    public IActionResult Confirmation() => View();
}
