using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

/// <summary>Each user turns off the notifications that are not legally required (reminders of mandatory training stay on).</summary>
[Authorize, Route(Path)]
public sealed class NotificationSettingsController(NotificationChoices choices, UserManager<ApplicationUser> users,
    IStringLocalizer<NotificationSettingsController> t) : Controller
{
    public const string Path = "/account/notifications";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new NotificationSettingsView(await choices.LoadAsync(users.GetUserId(User)!, cancellationToken), IsManager));

    [HttpPost("")]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] NotificationSettingsForm form, CancellationToken cancellationToken)
    {
        await choices.SaveAsync(users.GetUserId(User)!, form, IsManager, cancellationToken);
        TempData["StatusMessage"] = t["Organizations.Notifications.Saved"].Value;
        return Redirect(Path);
    }

    private bool IsManager => User.IsInRole(Roles.Manager);
}
