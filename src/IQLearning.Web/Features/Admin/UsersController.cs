using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Admin;

public sealed record UserRow(string Id, string DisplayName, string Email, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles);
public sealed record UserList(string? Query, int Page, int PageCount, int Total, IReadOnlyList<UserRow> Users);

/// <summary>Administrators list and search users, lock and unlock them, and assign roles.</summary>
[Authorize(Policy = Policies.Administrators), Route("admin/users")]
public sealed class UsersController(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, Audit.AuditTrail audit, IStringLocalizer<UsersController> t) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        var list = rows.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.LockoutEnd > now, u.Roles)).ToList();
        return View(new UserList(q, page, pageCount, total, list));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        ViewData["Roles"] = await users.GetRolesAsync(user);
        ViewData["LockedOut"] = await users.IsLockedOutAsync(user);
        return View(user);
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> SetRoles(string id, List<string> roles)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (roles.Any(r => !Accounts.Roles.All.Contains(r))) return BadRequest();
        if (IsSelf(user) && !roles.Contains(Accounts.Roles.Administrator))
        {
            TempData["StatusMessage"] = t["Admin.Users.CannotDemoteSelf"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync("user.roles-changed", users.GetUserId(User), $"user:{user.Id}",
            $"{string.Join(",", current.Order())} → {string.Join(",", roles.Order())}");
        TempData["StatusMessage"] = t["Admin.Users.RolesSaved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (IsSelf(user))
        {
            TempData["StatusMessage"] = t["Admin.Users.CannotLockSelf"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new security stamp ends the locked user's open sessions.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync("user.locked", users.GetUserId(User), $"user:{user.Id}");
        TempData["StatusMessage"] = t["Admin.Users.Locked"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync("user.unlocked", users.GetUserId(User), $"user:{user.Id}");
        TempData["StatusMessage"] = t["Admin.Users.Unlocked"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private bool IsSelf(ApplicationUser user) => users.GetUserId(User) == user.Id;
}
