using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Features.Accounts.Sessions;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts.ConfirmPassword;

public sealed class ConfirmPasswordModel
{
    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>Asks for the password again before a sensitive change (see <see cref="RequireRecentPasswordAttribute"/>).</summary>
[Authorize, Route(Path)]
public sealed class ConfirmPasswordController(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SessionState session,
    Audit.AuditTrail audit, IStringLocalizer<ConfirmPasswordController> t) : Controller
{
    public const string Path = "/account/confirm-password";

    [HttpGet("")]
    public IActionResult Index(string? returnUrl) => View(new ConfirmPasswordModel { ReturnUrl = returnUrl });

    [HttpPost(""), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Index(ConfirmPasswordModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await signIn.CheckPasswordSignInAsync(user, model.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordNowAsync("account.password-confirmation.failed", user.Id, $"user:{user.Id}");
            ModelState.AddModelError(nameof(model.Password), t[result.IsLockedOut ? "Account.LockedOut" : "Identity.PasswordMismatch"]);
            return View(model);
        }
        await session.RecordPasswordCheckAsync();
        return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/account/profile");
    }
}
