using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using ContentNames = IQLearning.Web.Features.Content.Files.ContentNames;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

public sealed record UnitRow(int Id, string Slug, string Name, string Description, int Members);

public sealed record MemberRow(string UserId, string Name, string Email, IReadOnlyList<string> Roles);

public sealed record UnitPage(int Id, string Slug, string Name, string Description, IReadOnlyList<MemberRow> Members);

public sealed class UnitForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(ContentNames.MaxSlugLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Authoring.Field.Slug")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.UnitName")]
    public string? Name { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.Description")]
    public string? Description { get; set; }

    [BindNever, ValidateNever] public IReadOnlyList<UnitRow> Units { get; set; } = [];
}

public sealed class MemberForm
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [BindNever, ValidateNever] public UnitPage Page { get; set; } = null!;
}

/// <summary>
/// Administrators keep the specialist units and who belongs to them: authors and reviewers act only within
/// their units, so without a membership nobody can write or review anything.
/// </summary>
public sealed class UnitAdministration(AppDbContext db, IStringLocalizer<UnitAdministration> t)
{
    public Task<List<UnitRow>> ListAsync(CancellationToken cancellationToken = default) =>
        db.SpecialistUnits.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Slug, u.Name, u.Description, db.UnitMemberships.Count(m => m.UnitId == u.Id)))
            .ToListAsync(cancellationToken);

    public async Task<int?> CreateAsync(UnitForm form, ModelStateDictionary state, CancellationToken cancellationToken = default)
    {
        var slug = form.Slug?.Trim() ?? "";
        if (state[nameof(form.Slug)] is not { Errors.Count: > 0 } && !ContentNames.IsSlug(slug))
            state.AddModelError(nameof(form.Slug), t["Authoring.Error.Slug"]);
        else if (await db.SpecialistUnits.AnyAsync(u => u.Slug == slug, cancellationToken))
            state.AddModelError(nameof(form.Slug), t["Authoring.Error.UnitSlugTaken"]);
        if (!state.IsValid) return null;
        var unit = new SpecialistUnit { Slug = slug, Name = form.Name!.Trim(), Description = form.Description?.Trim() ?? "" };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return unit.Id;
    }

    public async Task<UnitPage?> UnitAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var unit = await db.SpecialistUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null) return null;
        var members = await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == unitId)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => new
            {
                u.Id, u.DisplayName, u.Email,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .OrderBy(m => m.Email)
            .ToListAsync(cancellationToken);
        return new UnitPage(unit.Id, unit.Slug, unit.Name, unit.Description,
            members.Select(m => new MemberRow(m.Id, m.DisplayName, m.Email ?? "", m.Roles)).ToList());
    }

    /// <returns>False when the unit does not exist; a wrong address is an error on the Email field.</returns>
    public async Task<bool> AddMemberAsync(int unitId, MemberForm form, ModelStateDictionary state, CancellationToken cancellationToken = default)
    {
        if (!await db.SpecialistUnits.AnyAsync(u => u.Id == unitId, cancellationToken)) return false;
        if (!state.IsValid) return true;
        var normalized = form.Email!.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) state.AddModelError(nameof(form.Email), t["Authoring.Error.NoSuchAccount"]);
        else if (await db.UnitMemberships.AnyAsync(m => m.UnitId == unitId && m.UserId == userId, cancellationToken))
            state.AddModelError(nameof(form.Email), t["Authoring.Error.AlreadyMember"]);
        else
        {
            db.UnitMemberships.Add(new UnitMembership { UnitId = unitId, UserId = userId });
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    public async Task<bool> RemoveMemberAsync(int unitId, string userId, CancellationToken cancellationToken = default) =>
        await db.UnitMemberships.Where(m => m.UnitId == unitId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
