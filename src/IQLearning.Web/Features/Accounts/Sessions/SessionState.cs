using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accounts.Sessions;

/// <summary>
/// What the sign-in cookie says about this session: when it ends and when the password was last checked.
/// The password-check time is kept in the ticket's properties, not as a claim, because claims are rebuilt
/// whenever the security stamp is validated or the sign-in refreshed, while properties travel unchanged.
/// </summary>
public sealed class SessionState(IHttpContextAccessor http, IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IOptions<SecurityStampValidatorOptions> stampValidation, IOptions<AccountsOptions> options, TimeProvider clock)
{
    /// <summary>The key under which the layout finds the session's end (a DateTimeOffset) in HttpContext.Items.</summary>
    public const string ExpiresItem = "Accounts.SessionExpires";
    public const string SecondsItem = "Accounts.SessionSeconds";
    internal const string PasswordCheckedProperty = ".iql.password-checked";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>
    /// When this sign-in ends if nothing else happens. The cookie handler renews the ticket on this request (and
    /// writes it with the response, after the page is rendered) when more than half of its time has passed or
    /// when the security stamp is checked again; the ticket read here is the old one, so both rules apply here.
    /// </summary>
    public async Task<DateTimeOffset?> ExpiresAsync()
    {
        var properties = (await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties;
        if (properties is not { IssuedUtc: { } issued, ExpiresUtc: { } expires }) return null;
        var now = clock.GetUtcNow();
        var sliding = cookies.Get(IdentityConstants.ApplicationScheme).SlidingExpiration && (properties.AllowRefresh ?? true);
        var renews = (sliding && expires - now < now - issued) || now - issued > stampValidation.Value.ValidationInterval;
        return renews ? now + (expires - issued) : expires;
    }

    /// <summary>Re-issues the sign-in cookie with a full session length from now; returns the new end.</summary>
    public async Task<DateTimeOffset?> ExtendAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded) return null;
        var now = clock.GetUtcNow();
        result.Properties.IssuedUtc = now;
        result.Properties.ExpiresUtc = now + cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        await Context.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal, result.Properties);
        return result.Properties.ExpiresUtc;
    }

    public static int SecondsLeft(DateTimeOffset expires, TimeProvider clock) =>
        (int)Math.Max(0, Math.Floor((expires - clock.GetUtcNow()).TotalSeconds));

    /// <summary>True when the password was checked (sign-in or confirmation) within the last few minutes.</summary>
    public async Task<bool> PasswordCheckedRecentlyAsync()
    {
        var properties = (await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties;
        return properties?.GetString(PasswordCheckedProperty) is { } value && long.TryParse(value, out var seconds)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= TimeSpan.FromMinutes(options.Value.RecentPasswordMinutes);
    }

    /// <summary>Records a password check just made, keeping everything else of the sign-in as it is.</summary>
    public async Task RecordPasswordCheckAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded) return;
        Stamp(result.Properties, clock.GetUtcNow());
        await Context.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal, result.Properties);
    }

    /// <summary>
    /// Called for every new sign-in cookie: a fresh sign-in (password, or password and second factor) has new
    /// properties and gets the time now; a refresh of an existing sign-in keeps the time it had.
    /// </summary>
    internal static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Properties.GetString(PasswordCheckedProperty) is null)
            Stamp(context.Properties, context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    private static void Stamp(AuthenticationProperties properties, DateTimeOffset at) =>
        properties.SetString(PasswordCheckedProperty, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
