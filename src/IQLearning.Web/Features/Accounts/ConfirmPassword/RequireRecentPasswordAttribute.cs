using IQLearning.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IQLearning.Web.Features.Accounts.ConfirmPassword;

/// <summary>
/// ASVS 3.7.1 / 5.0 7.5.1: changing the e-mail address or the second factor needs a password entered within the
/// last minutes, so a session left open on a shared computer cannot take over the account. Older sign-ins are
/// sent to /account/confirm-password and come back to <paramref name="pagePath"/> (or the page they asked for).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireRecentPasswordAttribute(string pagePath) : Attribute, IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true) return; // [Authorize] answers that
        var session = context.HttpContext.RequestServices.GetRequiredService<SessionState>();
        if (await session.PasswordCheckedRecentlyAsync()) return;
        var request = context.HttpContext.Request;
        // A form posted after the time ran out cannot be replayed; the person comes back to its page.
        var back = HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : pagePath;
        context.Result = new RedirectResult(ConfirmPasswordController.Path + "?returnUrl=" + Uri.EscapeDataString(back));
    }
}
