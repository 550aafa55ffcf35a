using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>
/// Dates and times are written in the reader's culture and the site's time zone (WCAG 3.1: understandable; a German
/// reader of "11/28/2026" may read the 11th of an impossible 28th month). German formats as de-DE, English as en-GB
/// (day before month, 24-hour clock), whichever English the browser asks for; times are shown in Site:TimeZone
/// (Europe/Berlin unless configured) while the <c>datetime</c> attribute keeps UTC.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CultureFormattingTests(FeedbackSite site) : IClassFixture<FeedbackSite>
{
    [Theory]
    [InlineData("de", "28.11.2026 13:00", "28.12.2026")]
    [InlineData("en", "28/11/2026 13:00", "28/12/2026")]
    [InlineData("en-US", "28/11/2026 13:00", "28/12/2026")]
    [InlineData("de-AT", "28.11.2026 13:00", "28.12.2026")]
    public async Task A_page_writes_dates_in_the_culture_of_the_reader_and_times_in_berlin(string language, string received, string due)
    {
        var id = await site.AddReportAsync(new AccessibilityFeedback
        {
            ReceivedAt = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc), Message = "Datum " + Guid.NewGuid(),
        });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator), language);

        var (_, page) = await client.GetAsync($"/admin/accessibility-feedback/{id}");

        var time = page.QuerySelector("main dl time")!;
        Assert.Equal("2026-11-28T12:00:00Z", time.GetAttribute("datetime"));
        Assert.Equal(received, time.TextContent);
        Assert.Contains(due, page.QuerySelector("main")!.TextContent);
        Assert.Equal(language[..2], page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Summer_time_is_two_hours_ahead_of_utc_in_berlin()
    {
        var id = await site.AddReportAsync(new AccessibilityFeedback
        {
            ReceivedAt = new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc), Message = "Sommer " + Guid.NewGuid(),
        });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator), "de");

        var (_, page) = await client.GetAsync($"/admin/accessibility-feedback/{id}");

        // Past midnight in Berlin: the day is the 2nd, not the UTC 1st.
        Assert.Equal("02.07.2026 00:30", page.QuerySelector("main dl time")!.TextContent);
    }
}

/// <summary>A site configured for another time zone shows its times there.</summary>
[Collection(SiteCollection.Name)]
public sealed class SiteTimeZoneTests(SiteTimeZoneTests.NewYorkSite site) : IClassFixture<SiteTimeZoneTests.NewYorkSite>
{
    public sealed class NewYorkSite : SiteFactory
    {
        public NewYorkSite() => WithSetting("Site:TimeZone", "America/New_York");
    }

    [Fact]
    public async Task Times_are_shown_in_the_configured_site_time_zone()
    {
        var report = new AccessibilityFeedback { ReceivedAt = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc), Message = "Zone" };
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AccessibilityFeedback.Add(report);
            await db.SaveChangesAsync();
        }
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator), "en");

        var (_, page) = await client.GetAsync($"/admin/accessibility-feedback/{report.Id}");

        // 03:00 UTC is 22:00 the evening before in New York.
        Assert.Equal("27/11/2026 22:00", page.QuerySelector("main dl time")!.TextContent);
        Assert.Equal("2026-11-28T03:00:00Z", page.QuerySelector("main dl time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_start_with_a_message_that_names_the_setting()
    {
        using var broken = new SiteFactory().WithSetting("Site:TimeZone", "Europe/Atlantis");
        var error = Assert.ThrowsAny<Exception>(() => broken.Services);
        Assert.Contains("Site:TimeZone", Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten)) : error.Message + " " + (error.InnerException is { } inner ? Flatten(inner) : "");
}
