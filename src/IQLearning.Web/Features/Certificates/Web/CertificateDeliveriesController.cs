using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>The delivery log of certificate mails with "send again".</summary>
[Authorize(Policy = CertificatesServiceCollectionExtensions.OfficersPolicy), Route("admin/certificates/deliveries")]
public sealed class CertificateDeliveriesController(DeliveryLog log, IStringLocalizer<CertificateDeliveriesController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await log.ListAsync(null, cancellationToken));

    [HttpPost("{id:int}/resend")]
    public async Task<IActionResult> Resend(int id, string? returnUrl, CancellationToken cancellationToken)
    {
        var outcome = await log.ResendAsync(id, cancellationToken);
        if (outcome == ResendOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = t[$"Certificates.Deliveries.{outcome}"].Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/certificates/deliveries");
    }
}
