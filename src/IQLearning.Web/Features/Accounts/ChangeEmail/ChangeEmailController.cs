using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts.ConfirmPassword;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts.ChangeEmail;

public sealed class ChangeEmailModel
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accounts.ChangeEmail.NewEmail")]
    public string NewEmail { get; set; } = "";

    public string CurrentEmail { get; set; } = "";
}

public sealed class ConfirmEmailChangeModel
{
    [Required] public string UserId { get; set; } = "";
    [Required] public string Email { get; set; } = "";
    [Required] public string Code { get; set; } = "";
}

/// <summary>
/// Changing the sign-in address: asked for with a recent password, confirmed from the new mailbox, announced to
/// the old one. Until the link is used nothing changes.
/// </summary>
[Route("account")]
public sealed class ChangeEmailController(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AppDbContext db, AccountMails mails,
    PublicLinks links, Audit.AuditTrail audit, IStringLocalizer<ChangeEmailController> t) : Controller
{
    private const string PagePath = "/account/change-email";

    [HttpGet("change-email"), Authorize, RequireRecentPassword(PagePath)]
    public async Task<IActionResult> Index() =>
        await users.GetUserAsync(User) is { } user ? View(new ChangeEmailModel { CurrentEmail = user.Email ?? "" }) : Challenge();

    [HttpPost("change-email"), Authorize, RequireRecentPassword(PagePath), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Index(ChangeEmailModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        model.CurrentEmail = user.Email ?? "";
        var newEmail = model.NewEmail.Trim();
        if (ModelState.IsValid && string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(model.NewEmail), t["Accounts.ChangeEmail.Same"]);
        if (!ModelState.IsValid) return View(model);

        // An address another account uses gets no mail and the page looks the same: no probing for accounts.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            var token = LinkTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
            await mails.ConfirmEmailChangeAsync(user, newEmail, links.Absolute(
                $"/account/confirm-email-change?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={token}"));
            await db.SaveChangesAsync();
        }
        return View("Sent", newEmail);
    }

    /// <summary>The link only shows a button: mail scanners that follow links must not confirm anything.</summary>
    [HttpGet("confirm-email-change")]
    public IActionResult Confirm(string? userId, string? email, string? code) =>
        userId is null || email is null || code is null ? BadRequest() : View("Confirm", new ConfirmEmailChangeModel { UserId = userId, Email = email, Code = code });

    [HttpPost("confirm-email-change"), EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Confirm(ConfirmEmailChangeModel model)
    {
        if (!ModelState.IsValid) return BadRequest();
        var user = await users.FindByIdAsync(model.UserId);
        if (user is null || !LinkTokens.TryDecode(model.Code, out var token)) return View("Confirmed", false);
        var oldEmail = user.Email!;

        await using var transaction = await db.Database.BeginTransactionAsync();
        // E-mail and user name are the same here; both change, and the security stamp with them (other sessions end).
        var changed = await users.ChangeEmailAsync(user, model.Email, token);
        if (changed.Succeeded) changed = await users.SetUserNameAsync(user, model.Email);
        if (!changed.Succeeded) return View("Confirmed", false);
        await mails.EmailChangedNoticeAsync(user, oldEmail, model.Email);
        audit.Record("account.email-changed", User.Identity?.IsAuthenticated == true ? users.GetUserId(User) : user.Id, $"user:{user.Id}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        if (users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
        return View("Confirmed", true);
    }
}
