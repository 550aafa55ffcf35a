using System.Security.Claims;
using System.Text.Json;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Privacy;

/// <summary>The signed-in person's data-subject rights in self-service: copy, consents, erasure.</summary>
[Authorize, Route("account/privacy")]
public sealed class PrivacyController(
    ExportMyData export, ManageConsents consents, DeleteMyAccount deletion, SignInManager<ApplicationUser> signIn,
    TimeProvider clock, IStringLocalizer<PrivacyController> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await consents.ListAsync(UserId, cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken) =>
        await export.ExportAsync(UserId, "page", cancellationToken) is { } data ? View(data) : NotFound();

    [HttpGet("export.json")]
    public async Task<IActionResult> ExportJson(CancellationToken cancellationToken) =>
        await export.ExportAsync(UserId, "json", cancellationToken) is { } data
            ? File(JsonSerializer.SerializeToUtf8Bytes(data, ExportMyData.Json), "application/json",
                $"iqlearning-data-{clock.GetUtcNow():yyyy-MM-dd}.json")
            : NotFound();

    [HttpGet("certificates/{id:int}/pdf")]
    public async Task<IActionResult> CertificatePdf(int id, CancellationToken cancellationToken) =>
        await export.CertificatePdfAsync(UserId, id, cancellationToken) is { } found
            ? File(found.Pdf, "application/pdf", found.Number + ".pdf")
            : NotFound();

    [HttpPost("consents/{organizationId:int}/give")]
    public async Task<IActionResult> Give(int organizationId, CancellationToken cancellationToken) =>
        await consents.GiveAsync(UserId, organizationId, cancellationToken) ? Saved("Privacy.Consents.Given") : NotFound();

    [HttpPost("consents/{organizationId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int organizationId, CancellationToken cancellationToken) =>
        await consents.WithdrawAsync(UserId, organizationId, cancellationToken) ? Saved("Privacy.Consents.Withdrawn") : NotFound();

    [HttpGet("delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken) =>
        View(new DeleteAccountForm { CertificateCount = await deletion.CountCertificatesAsync(UserId, cancellationToken) });

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(DeleteAccountForm form, CancellationToken cancellationToken)
    {
        form.CertificateCount = await deletion.CountCertificatesAsync(UserId, cancellationToken);
        if (!ModelState.IsValid) return View(form);
        switch (await deletion.DeleteAsync(UserId, form.Password, form.Certificates, cancellationToken))
        {
            case DeletionOutcome.Deleted:
                await signIn.SignOutAsync();
                return Redirect("/account/privacy/deleted");
            case DeletionOutcome.LockedOut:
                ModelState.AddModelError(nameof(form.Password), t["Privacy.Delete.LockedOut"]);
                return View(form);
            case DeletionOutcome.WrongPassword:
                ModelState.AddModelError(nameof(form.Password), t["Privacy.Delete.WrongPassword"]);
                return View(form);
            default:
                return NotFound();
        }
    }

    [HttpGet("deleted"), AllowAnonymous]
    public IActionResult Deleted() => View();

    private RedirectResult Saved(string messageKey)
    {
        TempData["StatusMessage"] = t[messageKey].Value;
        return Redirect("/account/privacy");
    }
}
