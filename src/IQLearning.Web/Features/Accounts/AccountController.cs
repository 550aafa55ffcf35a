using IQLearning.Web.Data;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts;

/// <summary>Registration, e-mail confirmation, sign-in and -out, forgotten password.</summary>
[Route("account")]
public sealed class AccountController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AppDbContext db,
    AccountMails mails,
    PublicLinks links,
    TimeProvider clock,
    Audit.AuditTrail audit,
    IStringLocalizer<AccountController> t) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterModel());

    [HttpPost("register"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Register(RegisterModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var email = model.Email.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // The page looks the same whether or not the address is known; the owner of a known address gets a hint by mail.
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await mails.AlreadyRegisteredAsync(existing, links.Absolute("/account/login"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return RedirectToAction(nameof(RegisterConfirmation));
        }

        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = model.DisplayName.Trim(),
            PreferredLanguage = Thread.CurrentThread.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, model.Password);
        if (!created.Succeeded)
        {
            AddErrors(created, nameof(RegisterModel.Password));
            return View(model);
        }
        await users.AddToRoleAsync(user, Roles.Learner);
        await mails.ConfirmEmailAsync(user, await ConfirmationLinkAsync(user));
        audit.Record("account.registered", user.Id, $"user:{user.Id}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet("register/confirmation")]
    public IActionResult RegisterConfirmation() => View();

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        if (userId is null || code is null) return BadRequest();
        var user = await users.FindByIdAsync(userId);
        var confirmed = user is not null && LinkTokens.TryDecode(code, out var token) && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        return View(confirmed);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginModel { ReturnUrl = returnUrl });

    [HttpPost("login"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Login(LoginModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.FindByEmailAsync(model.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        var returnUrl = Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/";
        // With a second factor the sign-in is recorded when it completes (TwoFactorLoginController).
        if (result.RequiresTwoFactor)
            return Redirect($"{TwoFactorLogin.TwoFactorLoginController.Path}?returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={model.RememberMe}");
        await audit.RecordNowAsync(result.Succeeded ? "account.sign-in" : result.IsLockedOut ? "account.sign-in.locked-out" : "account.sign-in.failed",
            user?.Id, user is null ? "unknown address" : $"user:{user.Id}");
        if (result.Succeeded) return LocalRedirect(returnUrl);
        var message = result.IsLockedOut ? "Account.LockedOut"
            : result.IsNotAllowed ? "Account.NotConfirmed"
            : "Account.InvalidLogin";
        ModelState.AddModelError("", t[message]);
        return View(model);
    }

    [HttpPost("logout"), Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailModel());

    [HttpPost("resend-confirmation"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> ResendConfirmation(EmailModel model)
    {
        if (!ModelState.IsValid) return View(model);
        if (await users.FindByEmailAsync(model.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await mails.ConfirmEmailAsync(user, await ConfirmationLinkAsync(user));
            await db.SaveChangesAsync();
        }
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new EmailModel());

    [HttpPost("forgot-password"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> ForgotPassword(EmailModel model)
    {
        if (!ModelState.IsValid) return View(model);
        if (await users.FindByEmailAsync(model.Email.Trim()) is { EmailConfirmed: true } user)
        {
            var token = LinkTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            await mails.ResetPasswordAsync(user, links.Absolute($"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code={token}"));
            await db.SaveChangesAsync();
        }
        return View("ForgotPasswordConfirmation");
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        userId is null || code is null ? BadRequest() : View(new ResetPasswordModel { UserId = userId, Code = code });

    [HttpPost("reset-password"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> ResetPassword(ResetPasswordModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.FindByIdAsync(model.UserId);
        if (user is null || !LinkTokens.TryDecode(model.Code, out var token))
        {
            ModelState.AddModelError("", t["Identity.InvalidToken"]);
            return View(model);
        }
        var reset = await users.ResetPasswordAsync(user, token, model.Password);
        if (!reset.Succeeded)
        {
            AddErrors(reset, nameof(ResetPasswordModel.Password));
            return View(model);
        }
        await audit.RecordNowAsync("account.password-reset", user.Id, $"user:{user.Id}");
        return View("ResetPasswordConfirmation");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private async Task<string> ConfirmationLinkAsync(ApplicationUser user)
    {
        var token = LinkTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        return links.Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={token}");
    }

    private void AddErrors(IdentityResult result, string passwordField)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.Code.StartsWith("Password") ? passwordField : error.Code.Contains("Email") ? "Email" : "", error.Description);
    }
}
