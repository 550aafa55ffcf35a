using System.Text;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>Public verification: no sign-in, every look-up rate-limited (the QR code on the PDF leads here).</summary>
public sealed class VerifyController(VerifyCertificate certificates, VerifyCredential credentials) : Controller
{
    [HttpGet("/verify")]
    public IActionResult Index(string? number) =>
        string.IsNullOrWhiteSpace(number) ? View() : LocalRedirect("/verify/" + Uri.EscapeDataString(number.Trim()));

    [HttpGet("/verify/{number}"), EnableRateLimiting(RateLimits.Verification)]
    public async Task<IActionResult> Certificate(string number, string? sha256, CancellationToken cancellationToken) =>
        await certificates.FindAsync(number, sha256, cancellationToken) is { } result ? View(result) : NotFound();

    /// <summary>
    /// Checks a credential pasted into the form (field <c>jwt</c>, answered with a page) or posted as the raw body
    /// (answered with JSON). It changes nothing and reads no cookie, so it needs no antiforgery token, which lets
    /// wallets and scripts post to it.
    /// </summary>
    [HttpPost("/verify/credential"), EnableRateLimiting(RateLimits.Verification), IgnoreAntiforgeryToken]
    [RequestSizeLimit(VerifyCredential.MaxLength + 4096)]
    public async Task<IActionResult> Credential(CancellationToken cancellationToken)
    {
        var fromForm = Request.HasFormContentType;
        var jwt = fromForm ? (await Request.ReadFormAsync(cancellationToken))["jwt"].ToString() : await RawBodyAsync(cancellationToken);
        var check = await credentials.CheckAsync(jwt, cancellationToken);
        return fromForm
            ? View(check)
            : Json(new { status = check.StatusText, reason = check.Reason, course = check.CourseTitle, number = check.Number });
    }

    private async Task<string> RawBodyAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
