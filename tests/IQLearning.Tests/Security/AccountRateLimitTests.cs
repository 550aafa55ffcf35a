using System.Net;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Security;

/// <summary>The site with the account limit it would have in production scaled down to three posts a minute.</summary>
public sealed class ThreePostsSite : SiteFactory
{
    public ThreePostsSite() : base(startSmtp: false, useSmtp: false) => WithSetting("RateLimits:AccountPostsPerMinute", "3");
}

/// <summary>
/// ASVS 2.2.1 (anti-automation): sign-in, registration and password reset share one limit per client address
/// and minute; past it they answer 429 and do nothing, while pages that only read stay open.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccountRateLimitTests(ThreePostsSite site) : IClassFixture<ThreePostsSite>
{
    [Fact]
    public async Task Past_the_limit_sign_in_registration_and_reset_answer_429_and_reading_pages_stays_open()
    {
        using var client = SiteClient.For(site);
        var wrong = new Dictionary<string, string> { ["Email"] = "niemand@example.org", ["Password"] = "falsch falsch falsch" };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/account/login", "/account/login", wrong)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/account/login", "/account/login", wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/account/register", "/account/register",
            new Dictionary<string, string> { ["Email"] = TestAccounts.Unique("limit"), ["DisplayName"] = "Lim It",
                ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = "niemand@example.org" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).Status);
    }
}
