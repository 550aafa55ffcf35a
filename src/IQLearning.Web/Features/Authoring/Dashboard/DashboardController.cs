using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Authoring;

[Authorize(Policy = AuthoringPolicies.Authoring)]
public sealed class DashboardController(ContentActors actors, AuthoringDashboard dashboard) : Controller
{
    [HttpGet("/author")]
    public async Task<IActionResult> Index(ContentKind? kind, VersionStatus? status, CancellationToken cancellationToken) =>
        View(await dashboard.LoadAsync(await actors.ForAsync(User, cancellationToken), kind, status, cancellationToken));
}
