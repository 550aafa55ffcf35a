using IQLearning.Web.Features.Content.Authoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>An item's page (versions, audit trail, actions), one version, and the comparison of two versions.</summary>
[Authorize(Policy = AuthoringPolicies.Authoring)]
public sealed class ItemsController(ContentActors actors, ItemHistory history, ContentWorkflow workflow, IStringLocalizer<ItemsController> t) : Controller
{
    [HttpGet("/author/items/{id:int}")]
    public async Task<IActionResult> Item(int id, CancellationToken cancellationToken) =>
        await history.ItemAsync(await actors.ForAsync(User, cancellationToken), id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("/author/versions/{id:int}")]
    public async Task<IActionResult> Version(int id, CancellationToken cancellationToken) =>
        await history.VersionAsync(await actors.ForAsync(User, cancellationToken), id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("/author/items/{id:int}/diff")]
    public async Task<IActionResult> Diff(int id, int? from, int? to, CancellationToken cancellationToken) =>
        await history.DiffAsync(await actors.ForAsync(User, cancellationToken), id, from, to, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/author/versions/{id:int}/submit")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        StepAsync(actor => workflow.SubmitAsync(actor, id, cancellationToken), () => ItemOfVersion(id), "Authoring.Item.Submitted", cancellationToken);

    [HttpPost("/author/versions/{id:int}/restore")]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) =>
        StepAsync(actor => workflow.RestoreAsync(actor, id, cancellationToken), () => ItemOfVersion(id), "Authoring.Item.Restored", cancellationToken);

    [HttpPost("/author/items/{id:int}/archive")]
    public Task<IActionResult> Archive(int id, CancellationToken cancellationToken) =>
        StepAsync(actor => workflow.ArchiveAsync(actor, id, cancellationToken), () => Task.FromResult<int?>(id), "Authoring.Item.Archived", cancellationToken);

    /// <summary>Runs one workflow step; on success back to the item page with a message, else the page again with the reason.</summary>
    private async Task<IActionResult> StepAsync(Func<ContentActor, Task<WorkflowResult>> step, Func<Task<int?>> itemId, string doneKey,
        CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User, cancellationToken);
        var result = await step(actor);
        if (this.Refusal(result) is { } refusal) return refusal;
        var id = result.Version?.ContentItemId ?? await itemId();
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = t[doneKey].Value;
            return Redirect($"/author/items/{id}");
        }
        ModelState.AddOutcome(result.Outcome, "", t);
        if (id is null || await history.ItemAsync(actor, id.Value, cancellationToken) is not { } page) return NotFound();
        var view = View(nameof(Item), page);
        view.StatusCode = WorkflowResponses.StatusCode(result.Outcome);
        return view;
    }

    private async Task<int?> ItemOfVersion(int versionId) =>
        (await history.VersionAsync(await actors.ForAsync(User), versionId))?.ItemId;
}
