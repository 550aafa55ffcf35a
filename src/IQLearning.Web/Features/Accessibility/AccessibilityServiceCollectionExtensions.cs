using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accessibility;

public static class AccessibilityServiceCollectionExtensions
{
    /// <summary>Reports posted from one client address per hour; see <see cref="AccessibilityOptions.FeedbackPostsPerHour"/>.</summary>
    public const string FeedbackRateLimit = "accessibility-feedback";

    public static IServiceCollection AddAccessibility(this IServiceCollection services)
    {
        services.AddOptions<AccessibilityOptions>().BindConfiguration(AccessibilityOptions.Section).ValidateDataAnnotations()
            .Validate(o => AccessibilityOptions.IsValidRecipient(o.FeedbackRecipient), "Accessibility:FeedbackRecipient is not an e-mail address.")
            .ValidateOnStart();
        // A policy of its own rather than "accounts": a report is rarer than a sign-in, and its limit is set separately.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccessibilityOptions>>((limiter, accessibility) =>
            limiter.AddPolicy(FeedbackRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accessibility.Value.FeedbackPostsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
                })));
        services.AddScoped<FeedbackRecipient>();
        services.AddScoped<FeedbackMails>();
        services.AddScoped<ReportBarrier>();
        services.AddScoped<FeedbackList>();
        services.AddScoped<AnswerFeedback>();
        return services;
    }
}
