using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

/// <summary>The page an invitation link opens, for anyone holding the link; accepting needs the invited account.</summary>
[Route("invitations/{token}")]
public sealed class InvitationsController(AcceptInvitation invitations, UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn, IStringLocalizer<InvitationsController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var invitation = await invitations.LoadAsync(token, cancellationToken);
        Response.StatusCode = StatusFor(invitation.State);
        return View("Show", invitation);
    }

    [HttpPost(""), Authorize]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        switch (await invitations.AcceptAsync(token, user, cancellationToken))
        {
            case AcceptOutcome.Accepted:
                // The new membership may bring the Manager role; a fresh cookie shows the manager pages at once.
                await signIn.RefreshSignInAsync(user);
                TempData["StatusMessage"] = t["Organizations.Invitation.Accepted"].Value;
                return LocalRedirect(await users.IsInRoleAsync(user, Roles.Manager) ? "/organizations" : "/");
            case AcceptOutcome.WrongAccount:
                TempData["StatusMessage"] = t["Organizations.Invitation.WrongAccount"].Value;
                return LocalRedirect($"/invitations/{Uri.EscapeDataString(token)}");
            default:
                return await Show(token, cancellationToken);
        }
    }

    private static int StatusFor(InvitationState state) => state switch
    {
        InvitationState.Open => StatusCodes.Status200OK,
        InvitationState.Unknown => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status410Gone,
    };
}
