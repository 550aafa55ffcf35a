using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts;

/// <summary>The signed-in user's own profile and password.</summary>
[Authorize, Route("account")]
public sealed class ProfileController(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Audit.AuditTrail audit, IStringLocalizer<ProfileController> t) : Controller
{
    [HttpGet("profile")]
    public async Task<IActionResult> Profile()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(new ProfileModel { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage, Email = user.Email ?? "" });
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(ProfileModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        model.Email = user.Email ?? "";
        if (!ModelState.IsValid) return View(model);
        user.DisplayName = model.DisplayName.Trim();
        user.PreferredLanguage = model.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = t["Profile.Saved"].Value;
        return RedirectToAction(nameof(Profile));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var changed = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(model.CurrentPassword) : nameof(model.NewPassword), error.Description);
            return View(model);
        }
        // The new security stamp ends every other session of this user; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordNowAsync("account.password-changed", user.Id, $"user:{user.Id}");
        TempData["StatusMessage"] = t["Profile.PasswordChanged"].Value;
        return RedirectToAction(nameof(Profile));
    }
}
