using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>The editor for new items and new drafts of existing ones, and the live preview behind authoring.js.</summary>
[Authorize(Policy = AuthoringPolicies.Authoring)]
public sealed class EditorController(ContentActors actors, ContentEditor editor, IStringLocalizer<EditorController> t) : Controller
{
    /// <summary>The value of the button that asks for a preview instead of a save.</summary>
    public const string PreviewIntent = "preview";

    [HttpGet("/author/new/{kind}")]
    public async Task<IActionResult> New(string kind, CancellationToken cancellationToken) =>
        EditorialKind(kind) is { } k ? Answer(await editor.NewAsync(await actors.ForAsync(User, cancellationToken), k, cancellationToken)) : NotFound();

    [HttpPost("/author/new/{kind}")]
    public async Task<IActionResult> Create(string kind, EditorForm form, string? intent, CancellationToken cancellationToken) =>
        EditorialKind(kind) is { } k
            ? Answer(await editor.CreateAsync(await actors.ForAsync(User, cancellationToken), k, form, intent == PreviewIntent, ModelState, cancellationToken))
            : NotFound();

    [HttpGet("/author/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        Answer(await editor.EditAsync(await actors.ForAsync(User, cancellationToken), id, cancellationToken));

    [HttpPost("/author/items/{id:int}/edit")]
    public async Task<IActionResult> Save(int id, EditorForm form, string? intent, CancellationToken cancellationToken) =>
        Answer(await editor.SaveAsync(await actors.ForAsync(User, cancellationToken), id, form, intent == PreviewIntent, ModelState, cancellationToken));

    /// <summary>The live preview: the same sanitised rendering as the server-side preview, as an HTML fragment. Saves nothing.</summary>
    [HttpPost("/author/preview")]
    public IActionResult Preview(PreviewRequest request) =>
        PartialView("_Preview", EditorPreview.Of(request.Kind, request.Language is "en" ? "en" : "de", request.Body, t));

    private IActionResult Answer(EditorOutcome outcome)
    {
        if (outcome.SavedItemId is { } itemId)
        {
            TempData["StatusMessage"] = t["Authoring.Editor.Saved"].Value;
            return Redirect($"/author/items/{itemId}");
        }
        if (outcome.Form is { } form)
        {
            var view = View("Edit", form);
            view.StatusCode = WorkflowResponses.StatusCode(outcome.Outcome);
            return view;
        }
        return this.Refusal(new WorkflowResult(outcome.Outcome)) ?? NotFound();
    }

    // Enum.TryParse also takes "1" for Lesson; the route names kinds by word only.
    private static ContentKind? EditorialKind(string kind) =>
        Enum.TryParse<ContentKind>(kind, ignoreCase: true, out var k) && AuthoringDashboard.EditorialKinds.Contains(k) && !int.TryParse(kind, out _) ? k : null;
}
