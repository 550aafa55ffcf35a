using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>Issuing by hand: one person, or a CSV list of people, for one course.</summary>
[Authorize(Policy = CertificatesServiceCollectionExtensions.OfficersPolicy), Route("admin/certificates")]
public sealed class CertificateIssueController(IssueManually manual, BulkIssue bulk, IStringLocalizer<CertificateIssueController> t) : Controller
{
    [HttpGet("issue")]
    public async Task<IActionResult> Issue(CancellationToken cancellationToken) =>
        View(new ManualIssuePage(new ManualIssueForm(), await manual.CoursesAsync(cancellationToken)));

    [HttpPost("issue")]
    public async Task<IActionResult> Issue([Bind(Prefix = nameof(ManualIssuePage.Form))] ManualIssueForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await manual.IssueAsync(form, OfficerId, cancellationToken) is { } certificate)
        {
            TempData["StatusMessage"] = t["Certificates.Issue.Done", certificate.Number, certificate.HolderName].Value;
            return Redirect($"/admin/certificates/{certificate.Id}");
        }
        if (ModelState.IsValid) ModelState.AddModelError($"{nameof(ManualIssuePage.Form)}.{nameof(form.CourseItemId)}", t["Certificates.Issue.UnknownCourse"]);
        return View(new ManualIssuePage(form, await manual.CoursesAsync(cancellationToken)));
    }

    [HttpGet("bulk")]
    public async Task<IActionResult> Bulk(CancellationToken cancellationToken) =>
        View(new BulkIssuePage(new BulkIssueForm(), await manual.CoursesAsync(cancellationToken)));

    [HttpPost("bulk"), RequestSizeLimit(BulkIssue.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Bulk([Bind(Prefix = nameof(BulkIssuePage.Form))] BulkIssueForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await bulk.IssueAsync(form, OfficerId, cancellationToken) : null;
        return View(new BulkIssuePage(form, await manual.CoursesAsync(cancellationToken), result));
    }

    private string OfficerId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
