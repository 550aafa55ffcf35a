using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Invitations;
using IQLearning.Web.Features.Organizations.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

/// <summary>Members of an organization: invite, import from CSV, remove; open invitations can be withdrawn.</summary>
[Authorize(Roles = AssignmentsController.ManagerRoles), Route("organizations/{id:int}")]
public sealed class MembersController(
    OrganizationAccess access, MembersPage membersPage, InviteMember invite, ImportMembers import, MemberRemovals removals,
    AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<MembersController> t) : Controller
{
    /// <summary>2 MB hold some 20,000 rows of address, name and role.</summary>
    private const long MaxImportBytes = 2 * 1024 * 1024;

    [HttpGet("members")]
    public async Task<IActionResult> Index(int id, string? q, int page = 1, CancellationToken cancellationToken = default) =>
        await access.FindAsync(id, User, cancellationToken) is { } organization
            ? View(await membersPage.LoadAsync(organization, q, page, null, null, cancellationToken))
            : NotFound();

    [HttpPost("invitations")]
    public async Task<IActionResult> Invite(int id, [Bind(Prefix = "Invitation")] InvitationForm form, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, User, cancellationToken) is not { } organization) return NotFound();
        if (!ModelState.IsValid || !EmailAddresses.IsValid(form.Email.Trim()))
        {
            ModelState.AddModelError("Invitation.Email", t["Validation.Email"]);
            return View("Index", await membersPage.LoadAsync(organization, null, 1, form, null, cancellationToken));
        }
        await invite.InviteAsync(organization, form.Email, form.Name, form.Role, users.GetUserId(User));
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = t["Organizations.Members.Invited", form.Email.Trim()].Value;
        return Redirect($"/organizations/{id}/members");
    }

    [HttpPost("invitations/{invitationId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, int invitationId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, User, cancellationToken) is null || !await removals.WithdrawAsync(id, invitationId, cancellationToken))
            return NotFound();
        TempData["StatusMessage"] = t["Organizations.Members.Withdrawn"].Value;
        return Redirect($"/organizations/{id}/members");
    }

    [HttpPost("members/import"), RequestSizeLimit(MaxImportBytes + 64 * 1024)]
    public async Task<IActionResult> Import(int id, IFormFile? file, string? csv, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, User, cancellationToken) is not { } organization) return NotFound();
        var text = file is { Length: > 0 and <= MaxImportBytes } ? await ReadAsync(file, cancellationToken) : csv ?? "";
        var outcome = await import.RunAsync(organization, text, users.GetUserId(User)!, cancellationToken);
        if (outcome.Summary is { } summary)
        {
            TempData["StatusMessage"] = t["Organizations.Import.Done", summary.Added, summary.AlreadyMembers, summary.Invited].Value;
            return Redirect($"/organizations/{id}/members");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await membersPage.LoadAsync(organization, null, 1, null, outcome, cancellationToken));
    }

    [HttpPost("members/{userId}/remove")]
    public async Task<IActionResult> Remove(int id, string userId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, User, cancellationToken) is null || !await removals.RemoveAsync(id, userId, cancellationToken))
            return NotFound();
        TempData["StatusMessage"] = t["Organizations.Members.Removed"].Value;
        return Redirect($"/organizations/{id}/members");
    }

    private static async Task<string> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
