using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>The site with a feedback recipient configured, so reports and answers go out through the outbox.</summary>
public sealed class FeedbackSite : SiteFactory
{
    public const string Recipient = "barrieren@iqlearning.test";

    public FeedbackSite() : base(startSmtp: true)
    {
        WithSetting("Accessibility:FeedbackRecipient", Recipient);
        WithSetting("Site:OperatorEmail", "betreiber@iqlearning.test");
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<AccessibilityFeedback?> ReportAsync(string message) =>
        WithDbAsync(db => db.AccessibilityFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.Message == message));

    public Task<int> AddReportAsync(AccessibilityFeedback report) => WithDbAsync(async db =>
    {
        db.AccessibilityFeedback.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });
}

/// <summary>
/// The site with neither Accessibility:FeedbackRecipient nor Site:OperatorEmail, a low report limit, and the client
/// address taken from X-Forwarded-For, so each test sends from an address of its own.
/// </summary>
public sealed class UnaddressedFeedbackSite : SiteFactory
{
    public const int PostsPerHour = 3;

    public UnaddressedFeedbackSite() : base(startSmtp: true)
    {
        WithSetting("Accessibility:FeedbackPostsPerHour", PostsPerHour.ToString());
        WithSetting("Site:BehindProxy", "true");
    }
}
