using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Organizations;

/// <summary>The manager dashboard: members × assigned courses, charts, and the same data as CSV and XLSX.</summary>
[Authorize(Roles = AssignmentsController.ManagerRoles), Route("organizations")]
public sealed class DashboardController(
    OrganizationAccess access, LoadDashboard dashboard, MyOrganizations mine, ExportReport export, UserManager<ApplicationUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var organizations = await mine.ListAsync(users.GetUserId(User)!, cancellationToken);
        return organizations.Count == 1 ? Redirect($"/organizations/{organizations[0].Id}") : View(organizations);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery] DashboardFilter filter, CancellationToken cancellationToken) =>
        await access.FindAsync(id, User, cancellationToken) is { } organization
            ? View(await dashboard.RunAsync(organization, filter, cancellationToken))
            : NotFound();

    [HttpGet("{id:int}/export.csv")]
    public async Task<IActionResult> Csv(int id, [FromQuery] DashboardFilter filter, CancellationToken cancellationToken) =>
        await access.FindAsync(id, User, cancellationToken) is { } organization
            ? File(await export.CsvAsync(organization, filter, cancellationToken), "text/csv; charset=utf-8", ExportReport.FileName(organization, "csv"))
            : NotFound();

    [HttpGet("{id:int}/export.xlsx")]
    public async Task<IActionResult> Xlsx(int id, [FromQuery] DashboardFilter filter, CancellationToken cancellationToken) =>
        await access.FindAsync(id, User, cancellationToken) is { } organization
            ? File(await export.XlsxAsync(organization, filter, cancellationToken), ExportReport.XlsxContentType, ExportReport.FileName(organization, "xlsx"))
            : NotFound();
}
