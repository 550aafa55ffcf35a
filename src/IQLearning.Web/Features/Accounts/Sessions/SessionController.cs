using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Accounts.Sessions;

/// <summary>The "extend session" button of the timeout warning (WCAG 2.2.1): renews the sliding sign-in.</summary>
[Authorize, Route("account")]
public sealed class SessionController(SessionState session, TimeProvider clock) : Controller
{
    [HttpPost("keep-alive")]
    public async Task<IActionResult> KeepAlive() =>
        await session.ExtendAsync() is { } expires
            ? Json(new { expires = expires.ToUniversalTime().ToString("O"), seconds = SessionState.SecondsLeft(expires, clock) })
            : Unauthorized();
}
