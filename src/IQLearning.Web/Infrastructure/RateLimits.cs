using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IQLearning.Web.Infrastructure;

/// <summary>Named rate-limit policies; partitioned by client address.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, registration, confirmation and password reset posts.</summary>
    public const string Accounts = "accounts";

    /// <summary>Public certificate verification: every look-up counts, found or not, so numbers cannot be guessed in bulk.</summary>
    public const string Verification = "verification";

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitPerMinute = configuration.GetValue("RateLimits:AccountPostsPerMinute", 20);
        var verificationsPerMinute = configuration.GetValue("RateLimits:VerificationsPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Accounts, context => PerClientPerMinute(context, permitPerMinute));
            o.AddPolicy(Verification, new VerificationPolicy(verificationsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, int permit) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>
    /// The verification limit. A browser gets the site's 429 page; a script that posted a raw credential (not a form)
    /// gets a plain 429 with Retry-After instead of an HTML page it cannot use.
    /// </summary>
    private sealed class VerificationPolicy(int permitPerMinute) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => PerClientPerMinute(httpContext, permitPerMinute);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = "60";
            if (HttpMethods.IsPost(http.Request.Method) && !http.Request.HasFormContentType
                && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return ValueTask.CompletedTask;
        };
    }
}
