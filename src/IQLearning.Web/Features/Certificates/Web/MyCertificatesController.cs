using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>The learner's certificates with their downloads.</summary>
[Authorize, Route("certificates")]
public sealed class MyCertificatesController(MyCertificates certificates) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await certificates.ListAsync(UserId, cancellationToken));

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken) =>
        Download(await certificates.PdfAsync(UserId, id, cancellationToken));

    [HttpGet("{id:int}/credential.jwt")]
    public async Task<IActionResult> Credential(int id, CancellationToken cancellationToken) =>
        Download(await certificates.CredentialAsync(UserId, id, cancellationToken));

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    // File(…, fileDownloadName) sends Content-Disposition: attachment, so a browser saves the file instead of showing it.
    private IActionResult Download(CertificateFile? file) =>
        file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
}
