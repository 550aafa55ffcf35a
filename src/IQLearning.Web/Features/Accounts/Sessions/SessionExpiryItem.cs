namespace IQLearning.Web.Features.Accounts.Sessions;

/// <summary>
/// Puts the end of the sign-in session into HttpContext.Items, where the theme's layout (which cannot reference
/// this feature) reads it for the timeout warning (WCAG 2.2.1).
/// </summary>
public sealed class SessionExpiryItem(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionState session, TimeProvider clock)
    {
        if (context.User.Identity?.IsAuthenticated == true && await session.ExpiresAsync() is { } expires)
        {
            context.Items[SessionState.ExpiresItem] = expires;
            // Seconds left as counted here, so the browser's own clock (which may be wrong) is not needed.
            context.Items[SessionState.SecondsItem] = SessionState.SecondsLeft(expires, clock);
        }
        await next(context);
    }
}
