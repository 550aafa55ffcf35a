using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>Reviewers and administrators: find certificates, see their deliveries, revoke, download many as a ZIP.</summary>
[Authorize(Policy = CertificatesServiceCollectionExtensions.OfficersPolicy), Route("admin/certificates")]
public sealed class CertificateAdminController(
    FindCertificates find, RevokeCertificate revoke, DownloadZip zip, IStringLocalizer<CertificateAdminController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(await find.SearchAsync(q, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await find.DetailsAsync(id, cancellationToken) is { } details ? View(new RevokePage(details, new RevokeForm())) : NotFound();

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, [Bind(Prefix = nameof(RevokePage.Revoke))] RevokeForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await find.DetailsAsync(id, cancellationToken) is { } details ? View(nameof(Details), new RevokePage(details, form)) : NotFound();
        var outcome = await revoke.RevokeAsync(id, form.Reason, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome == RevokeOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = t[$"Certificates.Admin.{outcome}"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("zip")]
    public async Task<IActionResult> Zip(List<string> numbers, CancellationToken cancellationToken) =>
        await zip.ZipAsync(numbers, cancellationToken) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
}
