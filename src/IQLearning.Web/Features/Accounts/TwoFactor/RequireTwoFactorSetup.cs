using System.Security.Claims;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>
/// ASVS 2.2.x / 5.0 6.3.3: people who write, review or manage content or users must use a second factor.
/// A signed-in Author, Reviewer, Manager or Administrator without one is sent to the set-up page from every
/// page — deny by default, so new pages and non-MVC endpoints (the jobs dashboard) are covered too — except
/// the few a person needs on the way there.
/// </summary>
public sealed class RequireTwoFactorSetup(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor";

    public static readonly IReadOnlyList<string> RolesThatNeedIt = [Roles.Author, Roles.Reviewer, Roles.Manager, Roles.Administrator];

    /// <summary>Set-up (with its password confirmation), sign-out, keep-alive, language, errors, health, legal pages, static files.</summary>
    private static readonly PathString[] Allowed =
    [
        SetupPath, "/account/confirm-password", "/account/logout", "/account/keep-alive", "/account/login",
        "/culture", "/error", "/health", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/_content",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        if (NeedsSetup(context.User) && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }
        return next(context);
    }

    public static bool NeedsSetup(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && RolesThatNeedIt.Any(user.IsInRole)
        && user.FindFirst(AccountsServiceCollectionExtensions.TwoFactorClaim)?.Value != "true";

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RolesThatNeedIt.Contains);
}
