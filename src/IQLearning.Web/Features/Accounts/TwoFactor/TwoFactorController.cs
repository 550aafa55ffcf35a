using IQLearning.Web.Features.Accounts.ConfirmPassword;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>Set up, renew recovery codes for and (where the role allows) switch off the authenticator app.</summary>
[Authorize, Route(RequireTwoFactorSetup.SetupPath), RequireRecentPassword(RequireTwoFactorSetup.SetupPath)]
public sealed class TwoFactorController(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuthenticatorSetup setup, UsedAuthenticatorCodes usedCodes,
    Audit.AuditTrail audit, IStringLocalizer<TwoFactorController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
            return View("Enabled", new TwoFactorStatus(await users.CountRecoveryCodesAsync(user), !await IsRequiredAsync(user)));
        return View("Setup", await SetupModelAsync(user, new EnableTwoFactorModel()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Enable(EnableTwoFactorModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (ModelState.IsValid && !await setup.VerifyAsync(user, model.Code))
            ModelState.AddModelError(nameof(model.Code), t[usedCodes.RefusedAsReused ? "Accounts.TwoFactor.CodeUsed" : "Accounts.TwoFactor.WrongCode"]);
        if (!ModelState.IsValid) return View("Setup", await SetupModelAsync(user, model));

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount);
        await audit.RecordNowAsync("account.two-factor-enabled", user.Id, $"user:{user.Id}");
        // Enabling changed the security stamp; renew this session so only the others end.
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesModel(codes?.ToList() ?? []));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount);
        await audit.RecordNowAsync("account.recovery-codes-regenerated", user.Id, $"user:{user.Id}");
        return View("RecoveryCodes", new RecoveryCodesModel(codes?.ToList() ?? []));
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await IsRequiredAsync(user)) return Forbid();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so a later set-up does not revive the old app entry (and its codes).
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordNowAsync("account.two-factor-disabled", user.Id, $"user:{user.Id}");
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = t["Accounts.TwoFactor.Disabled"].Value;
        return Redirect("/account/profile");
    }

    private async Task<bool> IsRequiredAsync(ApplicationUser user) => RequireTwoFactorSetup.IsRequiredFor(await users.GetRolesAsync(user));

    private async Task<EnableTwoFactorModel> SetupModelAsync(ApplicationUser user, EnableTwoFactorModel model)
    {
        var (key, created) = await setup.KeyAsync(user);
        if (created) await signIn.RefreshSignInAsync(user);
        model.GroupedKey = AuthenticatorSetup.Grouped(key);
        model.QrCodeDataUri = AuthenticatorSetup.QrCodeDataUri(AuthenticatorSetup.OtpAuthUri(user.Email!, key));
        model.Required = await IsRequiredAsync(user);
        return model;
    }
}
