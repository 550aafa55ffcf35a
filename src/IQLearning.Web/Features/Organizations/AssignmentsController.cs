using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

/// <summary>A manager assigns courses to members of their organization.</summary>
[Authorize(Roles = ManagerRoles), Route("organizations/{id:int}/assignments")]
public sealed class AssignmentsController(
    OrganizationAccess access, AssignmentsPage page, CreateAssignment create, UserManager<ApplicationUser> users,
    IStringLocalizer<AssignmentsController> t) : Controller
{
    public const string ManagerRoles = Roles.Manager + "," + Roles.Administrator;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, string? q, CancellationToken cancellationToken) =>
        await access.FindAsync(id, User, cancellationToken) is { } organization
            ? View(await page.LoadAsync(organization, new AssignmentForm(), q, cancellationToken))
            : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Create(int id, [Bind(Prefix = "Form")] AssignmentForm form, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, User, cancellationToken) is not { } organization) return NotFound();
        if (ModelState.IsValid && await create.RunAsync(organization, form, users.GetUserId(User)!, ModelState, cancellationToken) is { } count)
        {
            TempData["StatusMessage"] = t["Organizations.Assignments.Created", count].Value;
            return Redirect($"/organizations/{id}/assignments");
        }
        return View("Index", await page.LoadAsync(organization, form, null, cancellationToken));
    }
}
