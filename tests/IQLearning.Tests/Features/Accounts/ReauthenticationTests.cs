using System.Net;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class ReauthenticationTests(FakeClockSite site) : IClassFixture<FakeClockSite>
{
    [Theory]
    [InlineData("/account/change-email")]
    [InlineData("/account/two-factor")]
    public async Task Changing_e_mail_or_two_factor_needs_the_password_again_once_the_sign_in_is_five_minutes_old(string page)
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        site.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).Status);

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var (stale, _) = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, stale);
        var confirm = client.LastResponse!.Headers.Location!.OriginalString;
        Assert.Equal("/account/confirm-password?returnUrl=" + Uri.EscapeDataString(page), confirm);

        var wrong = await client.SubmitAsync(confirm, "/account/confirm-password", new Dictionary<string, string> { ["Password"] = "not my password at all" });
        Assert.Equal("true", (await SiteClient.ParseAsync(wrong)).GetElementById("Password")!.GetAttribute("aria-invalid"));
        var right = await client.SubmitAsync(confirm, "/account/confirm-password", new Dictionary<string, string> { ["Password"] = TestAccounts.Password });
        Assert.Equal(page, right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).Status);
    }

    [Fact]
    public async Task A_change_posted_after_the_five_minutes_is_not_carried_out()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);
        var (_, form) = await client.GetAsync("/account/change-email");
        var token = form.QuerySelector("form[action='/account/change-email'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        site.Clock.Advance(TimeSpan.FromMinutes(6));
        var newEmail = TestAccounts.Unique("late");
        var response = await client.PostAsync("/account/change-email", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["NewEmail"] = newEmail });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/confirm-password", response.Headers.Location!.OriginalString);
        await Task.Delay(1500);
        Assert.Empty(Mailbox.To(site.Smtp!, newEmail));
    }
}
