using IQLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>Administrators create specialist units and add or remove their members.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class UnitsController(UnitAdministration units, IStringLocalizer<UnitsController> t) : Controller
{
    [HttpGet("/admin/units")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new UnitForm { Units = await units.ListAsync(cancellationToken) });

    [HttpPost("/admin/units")]
    public async Task<IActionResult> Create(UnitForm form, CancellationToken cancellationToken)
    {
        if (await units.CreateAsync(form, ModelState, cancellationToken) is { } id)
        {
            TempData["StatusMessage"] = t["Authoring.Units.Created"].Value;
            return Redirect($"/admin/units/{id}");
        }
        form.Units = await units.ListAsync(cancellationToken);
        return View(nameof(Index), form);
    }

    [HttpGet("/admin/units/{id:int}")]
    public async Task<IActionResult> Unit(int id, CancellationToken cancellationToken) =>
        await units.UnitAsync(id, cancellationToken) is { } page ? View(new MemberForm { Page = page }) : NotFound();

    [HttpPost("/admin/units/{id:int}/members")]
    public async Task<IActionResult> AddMember(int id, MemberForm form, CancellationToken cancellationToken)
    {
        if (!await units.AddMemberAsync(id, form, ModelState, cancellationToken)) return NotFound();
        if (ModelState.IsValid)
        {
            TempData["StatusMessage"] = t["Authoring.Units.MemberAdded"].Value;
            return Redirect($"/admin/units/{id}");
        }
        form.Page = (await units.UnitAsync(id, cancellationToken))!;
        return View(nameof(Unit), form);
    }

    [HttpPost("/admin/units/{id:int}/members/remove")]
    public async Task<IActionResult> RemoveMember(int id, string userId, CancellationToken cancellationToken)
    {
        if (!await units.RemoveMemberAsync(id, userId, cancellationToken)) return NotFound();
        TempData["StatusMessage"] = t["Authoring.Units.MemberRemoved"].Value;
        return Redirect($"/admin/units/{id}");
    }
}
