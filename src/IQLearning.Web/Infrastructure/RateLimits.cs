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
            o.AddPolicy(Accounts, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Verification, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verificationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
