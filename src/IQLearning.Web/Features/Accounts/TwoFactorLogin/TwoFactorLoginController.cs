using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts.TwoFactor;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts.TwoFactorLogin;

public sealed class TwoFactorLoginModel
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(32, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accounts.TwoFactorLogin.Code")]
    public string Code { get; set; } = "";

    [Display(Name = "Accounts.TwoFactorLogin.RememberDevice")]
    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>
/// The second step of signing in, after the password was right: a code from the authenticator app or one of
/// the recovery codes (one field for both). Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[Route(Path)]
public sealed class TwoFactorLoginController(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, UsedAuthenticatorCodes usedCodes, AppDbContext db, Audit.AuditTrail audit,
    IStringLocalizer<TwoFactorLoginController> t) : Controller
{
    public const string Path = "/account/login/two-factor";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/account/login")
            : View(new TwoFactorLoginModel { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost(""), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Index(TwoFactorLoginModel model)
    {
        // The password step left a short-lived cookie naming the user; without it there is nothing to complete.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/account/login");
        if (!ModelState.IsValid) return View(model);

        var code = AuthenticatorSetup.NormalizeCode(model.Code);
        var isAppCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, model.RememberDevice)
            : await RecoveryCodeSignInAsync(user, model.Code.Replace(" ", "").Trim());

        var subject = $"user:{user.Id}";
        if (result.Succeeded)
        {
            await audit.RecordNowAsync("account.sign-in", user.Id, subject, isAppCode ? "authenticator" : "recovery code");
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/");
        }
        // When a parallel attempt changed the account first, Identity's failed-count update lost the race and left the
        // account modified in this context; reload it, or the audit record below would fail with it.
        if (db.Entry(user).State == EntityState.Modified) await db.Entry(user).ReloadAsync();
        await audit.RecordNowAsync(result.IsLockedOut ? "account.sign-in.locked-out" : "account.sign-in.second-factor-failed", user.Id, subject,
            usedCodes.RefusedAsReused ? "code used before" : null);
        ModelState.AddModelError(nameof(model.Code), t[result.IsLockedOut ? "Account.LockedOut"
            : usedCodes.RefusedAsReused ? "Accounts.TwoFactor.CodeUsed" : "Accounts.TwoFactorLogin.WrongCode"]);
        return View(model);
    }

    /// <summary>Identity counts wrong app codes towards lockout but not wrong recovery codes; this does.</summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> RecoveryCodeSignInAsync(ApplicationUser user, string code)
    {
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded || result.IsLockedOut || !users.SupportsUserLockout) return result;
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
    }
}
