using IQLearning.Web.Features.Content.Authoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>
/// How a <see cref="WorkflowOutcome"/> answers a request. NotFound and Forbidden end it (404, 403); the others send
/// the form back with a message on the field it concerns, and a status that says why the POST was refused.
/// </summary>
internal static class WorkflowResponses
{
    public static IActionResult? Refusal(this ControllerBase controller, WorkflowResult result) => result.Outcome switch
    {
        WorkflowOutcome.NotFound => controller.NotFound(),
        WorkflowOutcome.Forbidden => controller.Forbid(),
        _ => null,
    };

    /// <summary>A draft of one's own is a refusal by the four-eyes rule; a changed state is a conflict; the rest are input errors.</summary>
    public static int StatusCode(WorkflowOutcome outcome) => outcome switch
    {
        WorkflowOutcome.OwnDraft => StatusCodes.Status403Forbidden,
        WorkflowOutcome.WrongState => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>Adds the message of a refused step to <paramref name="field"/> ("" for the form as a whole).</summary>
    public static void AddOutcome(this ModelStateDictionary modelState, WorkflowOutcome outcome, string field, IStringLocalizer t) =>
        modelState.AddModelError(field, outcome switch
        {
            WorkflowOutcome.OwnDraft => t["Authoring.Outcome.OwnDraft"],
            WorkflowOutcome.WrongState => t["Authoring.Outcome.WrongState"],
            WorkflowOutcome.CommentRequired => t["Authoring.Outcome.CommentRequired"],
            WorkflowOutcome.SlugTaken => t["Authoring.Outcome.SlugTaken"],
            _ => t["Authoring.Outcome.Invalid"],
        });
}
