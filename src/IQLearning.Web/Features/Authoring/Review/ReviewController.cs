using IQLearning.Web.Features.Content.Authoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>The review queue and the publish/return decision on one submitted version.</summary>
[Authorize(Policy = AuthoringPolicies.Reviewing)]
public sealed class ReviewController(ContentActors actors, ReviewQueue queue, ContentWorkflow workflow, IStringLocalizer<ReviewController> t) : Controller
{
    [HttpGet("/review")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queue.WaitingAsync(await actors.ForAsync(User, cancellationToken), cancellationToken));

    [HttpGet("/review/{id:int}")]
    public async Task<IActionResult> Version(int id, CancellationToken cancellationToken) =>
        await queue.PageAsync(await actors.ForAsync(User, cancellationToken), id, cancellationToken) is { } page
            ? View(new ReviewForm { Page = page })
            : NotFound();

    [HttpPost("/review/{id:int}/publish")]
    public Task<IActionResult> Publish(int id, ReviewForm form, CancellationToken cancellationToken) =>
        DecideAsync(id, form, actor => workflow.ApproveAsync(actor, id, Comment(form.PublishComment), cancellationToken),
            nameof(ReviewForm.PublishComment), "Authoring.Review.Published", cancellationToken);

    [HttpPost("/review/{id:int}/return")]
    public Task<IActionResult> Return(int id, ReviewForm form, CancellationToken cancellationToken) =>
        DecideAsync(id, form, actor => workflow.ReturnAsync(actor, id, form.ReturnComment, cancellationToken),
            nameof(ReviewForm.ReturnComment), "Authoring.Review.Returned", cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, ReviewForm form, Func<ContentActor, Task<WorkflowResult>> decide, string commentField,
        string doneKey, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var status = StatusCodes.Status200OK;
        if (ModelState.IsValid)
        {
            var result = await decide(actor);
            if (this.Refusal(result) is { } refusal) return refusal;
            if (result.Succeeded)
            {
                TempData["StatusMessage"] = t[doneKey].Value;
                return Redirect($"/author/items/{result.Version!.ContentItemId}");
            }
            // A missing comment belongs to its field; the four-eyes rule and a changed state concern the whole decision.
            ModelState.AddOutcome(result.Outcome, result.Outcome == WorkflowOutcome.CommentRequired ? commentField : "", t);
            status = WorkflowResponses.StatusCode(result.Outcome);
        }
        if (await queue.PageAsync(actor, id, cancellationToken) is not { } page) return NotFound();
        form.Page = page;
        var view = View(nameof(Version), form);
        view.StatusCode = status;
        return view;
    }

    private static string? Comment(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
