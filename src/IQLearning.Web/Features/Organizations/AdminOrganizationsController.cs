using IQLearning.Web.Data;
using IQLearning.Web.Features.Admin;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

public sealed record OrganizationListRow(int Id, string Name, OrganizationKind Kind, string? Network, int Members, bool AggregateOnly);

/// <summary>Administrators list, create and edit organizations.</summary>
[Authorize(Policy = Policies.Administrators), Route("admin/organizations")]
public sealed class AdminOrganizationsController(AppDbContext db, EditOrganization edit, IStringLocalizer<AdminOrganizationsController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganizationListRow(o.Id, o.Name, o.Kind,
                db.Organizations.Where(n => n.Id == o.RegionalNetworkId).Select(n => n.Name).FirstOrDefault(),
                db.OrganizationMembers.Count(m => m.OrganizationId == o.Id), o.AggregateOnly))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await edit.LoadAsync(null, cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await edit.LoadAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] OrganizationForm form, CancellationToken cancellationToken)
    {
        if (await edit.SaveAsync(form, ModelState, cancellationToken) is not { } id)
            return ModelState.IsValid ? NotFound() : View("Edit", await edit.PageAsync(form, cancellationToken));
        TempData["StatusMessage"] = t["Organizations.Admin.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
