using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>Without any address the report is stored only, and the pages say so; posts are limited per address.</summary>
[Collection(SiteCollection.Name)]
public sealed class UnaddressedFeedbackTests(UnaddressedFeedbackSite site) : IClassFixture<UnaddressedFeedbackSite>
{
    private const string Action = "/barrierefreiheit/feedback";

    [Fact]
    public async Task Without_a_recipient_the_report_is_stored_only_and_the_pages_say_so()
    {
        using var client = From(site, "203.0.113.10");
        var (_, statement) = await client.GetAsync("/barrierefreiheit");
        Assert.Contains("Accessibility:FeedbackRecipient", statement.QuerySelector("#feedback-form ~ .notice-warning")!.TextContent);

        var message = $"Video ohne Untertitel {Guid.NewGuid():N}";
        var response = await client.SubmitAsync("/barrierefreiheit", Action, new Dictionary<string, string> { ["Message"] = message });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, confirmation) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Accessibility:FeedbackRecipient", confirmation.QuerySelector(".notice-warning")!.TextContent);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AccessibilityFeedback.AnyAsync(f => f.Message == message));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.TextBody.Contains(message)));
    }

    [Fact]
    public async Task One_address_can_send_only_a_few_reports_an_hour()
    {
        using var client = From(site, "203.0.113.20");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= UnaddressedFeedbackSite.PostsPerHour; i++)
            statuses.Add((await client.SubmitAsync("/barrierefreiheit/feedback", Action,
                new Dictionary<string, string> { ["Message"] = $"Meldung {i}" })).StatusCode);

        Assert.All(statuses.Take(UnaddressedFeedbackSite.PostsPerHour), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses.Last());

        using var other = From(site, "203.0.113.21");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync("/barrierefreiheit/feedback", Action,
            new Dictionary<string, string> { ["Message"] = "Andere Adresse" })).StatusCode);
    }

    private static SiteClient From(SiteFactory site, string address)
    {
        var client = SiteClient.For(site);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
