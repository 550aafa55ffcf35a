using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>
/// Dates are written in the reader's language (WCAG 3.1: understandable; a German reader of "11/28/2026" may read
/// the 11th of an impossible 28th month). "en" is .NET's neutral English, which formats dates the US way.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CultureFormattingTests(FeedbackSite site) : IClassFixture<FeedbackSite>
{
    [Theory]
    [InlineData("de", "28.11.2026", "28.12.2026")]
    [InlineData("en", "11/28/2026", "12/28/2026")]
    public async Task A_page_writes_dates_in_the_language_of_the_reader(string language, string received, string due)
    {
        var id = await site.AddReportAsync(new AccessibilityFeedback
        {
            ReceivedAt = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc), Message = "Datum " + Guid.NewGuid(),
        });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator), language);

        var (_, page) = await client.GetAsync($"/admin/accessibility-feedback/{id}");

        var time = page.QuerySelector("main dl time")!;
        Assert.Equal("2026-11-28T12:00:00Z", time.GetAttribute("datetime"));
        Assert.StartsWith(received, time.TextContent);
        Assert.Contains(due, page.QuerySelector("main")!.TextContent);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
    }
}
