using IQLearning.Tests.Support;

namespace IQLearning.Tests.Security;

/// <summary>
/// ZAP 10010 (cookie without HttpOnly), 10011 (cookie without Secure) and 10054 (cookie without SameSite) for every
/// cookie the site sets: sign-in, antiforgery, language and the one-time status message (TempData).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CookieFlagsTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] SiteCookies = [".IQLearning.Auth", ".IQLearning.Antiforgery", ".AspNetCore.Culture", ".AspNetCore.Mvc.CookieTempDataProvider"];

    /// <summary>Walks through sign-in, the language switch and a saved profile, collecting every Set-Cookie on the way.</summary>
    private async Task<Dictionary<string, string>> CookiesSetAsync(SiteClient client)
    {
        var user = await TestAccounts.CreateAsync(site);
        var cookies = new Dictionary<string, string>();
        void Collect(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) cookies[value[..value.IndexOf('=')]] = value;
        }
        Collect(await client.Http.GetAsync("/account/login"));
        Collect(await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password }));
        Collect(await client.PostFromPageAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }));
        Collect(await client.SubmitAsync("/account/profile", "/account/profile",
            new Dictionary<string, string> { ["DisplayName"] = "Kim Keks", ["PreferredLanguage"] = "de" }));
        Assert.Equal(SiteCookies.Order(), cookies.Keys.Where(SiteCookies.Contains).Order());
        return cookies;
    }

    [Fact]
    public async Task Zap_10010_10011_10054_over_https_every_cookie_is_httponly_secure_and_samesite()
    {
        using var client = SecureClients.Https(site);

        var cookies = await CookiesSetAsync(client);

        foreach (var (name, header) in cookies)
        {
            var flags = header.ToLowerInvariant();
            Assert.True(flags.Contains("; httponly"), $"{name} lacks HttpOnly: {header}");
            Assert.True(flags.Contains("; secure"), $"{name} lacks Secure: {header}");
            Assert.True(flags.Contains("; samesite=lax") || flags.Contains("; samesite=strict"), $"{name} lacks SameSite: {header}");
        }
        Assert.Contains("samesite=strict", cookies[".IQLearning.Antiforgery"].ToLowerInvariant());
    }

    [Fact]
    public async Task Zap_10010_10054_over_plain_http_cookies_keep_httponly_and_samesite_but_cannot_be_secure()
    {
        using var client = SiteClient.For(site);

        var cookies = await CookiesSetAsync(client);

        foreach (var (name, header) in cookies)
        {
            var flags = header.ToLowerInvariant();
            Assert.True(flags.Contains("; httponly"), $"{name} lacks HttpOnly: {header}");
            Assert.True(flags.Contains("; samesite="), $"{name} lacks SameSite: {header}");
            Assert.False(flags.Contains("; secure"), $"{name} would be dropped by the browser over http: {header}");
        }
    }
}
