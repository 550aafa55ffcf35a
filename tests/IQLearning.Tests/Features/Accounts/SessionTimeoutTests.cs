using System.Net;
using System.Net.Http.Json;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Features.Accounts;

/// <summary>The data behind the timeout warning (WCAG 2.2.1): the page knows when the session ends, and keep-alive moves it.</summary>
[Collection(SiteCollection.Name)]
public sealed class SessionTimeoutTests(FakeClockSite site) : IClassFixture<FakeClockSite>
{
    private static readonly TimeSpan Session = TimeSpan.FromMinutes(120);

    [Fact]
    public async Task A_page_carries_the_end_of_the_session_and_keep_alive_moves_it()
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site));
        var signedInAt = site.Clock.GetUtcNow();
        var (_, page) = await client.GetAsync("/");
        var first = DateTimeOffset.Parse(page.Body!.GetAttribute("data-session-expires")!);
        Assert.InRange(first, signedInAt + Session - TimeSpan.FromSeconds(2), signedInAt + Session);
        Assert.NotNull(page.QuerySelector("[data-session-warning] [data-session-extend]"));

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/keep-alive");
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<KeepAlive>())!;
        Assert.Equal(site.Clock.GetUtcNow() + Session, DateTimeOffset.Parse(body.Expires), TimeSpan.FromSeconds(1));
        Assert.InRange(body.Seconds, (int)Session.TotalSeconds - 1, (int)Session.TotalSeconds);
        var (_, next) = await client.GetAsync("/");
        Assert.Equal(DateTimeOffset.Parse(body.Expires), DateTimeOffset.Parse(next.Body!.GetAttribute("data-session-expires")!), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Keep_alive_without_the_antiforgery_header_is_refused()
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site));

        var response = await client.Http.PostAsync("/account/keep-alive", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_session_ends_after_its_length_without_requests()
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site));

        site.Clock.Advance(Session + TimeSpan.FromMinutes(1));
        var (status, _) = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task A_page_shown_to_a_visitor_has_no_session_warning()
    {
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/");

        Assert.Equal("", page.Body!.GetAttribute("data-session-expires") ?? "");
        Assert.Null(page.QuerySelector("[data-session-warning]"));
    }

    private sealed record KeepAlive(string Expires, int Seconds);
}
