using System.Net;
using IQLearning.Tests.Features.Privacy;
using IQLearning.Tests.Support;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Tests.Security;

/// <summary>
/// The passive checks of the OWASP ZAP baseline scan, asserted here because ZAP cannot run in this environment
/// (domain notes §4.3). Each test names the ZAP rule id it answers. Rule 10096 (timestamp disclosure) is not
/// applicable: the site sends no Unix timestamps in headers or bodies, and the rule only reports, it never fails.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SecurityHeadersTests(PrivacySite site) : IClassFixture<PrivacySite>
{
    public static TheoryData<string> AnonymousPages => new() { "/", "/account/login", "/account/register", "/courses", "/datenschutz", "/no-such-page" };

    private async Task<HttpResponseMessage> GetAsync(string url, SiteClient? client = null)
    {
        using var anonymous = SiteClient.For(site);
        return await (client ?? anonymous).Http.GetAsync(url);
    }

    private async Task<string> StylesheetUrlAsync()
    {
        using var client = SiteClient.For(site);
        var (_, page) = await client.GetAsync("/");
        return page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
    }

    [Theory, MemberData(nameof(AnonymousPages))]
    public async Task Zap_10038_and_10055_every_page_has_a_strict_content_security_policy(string url)
    {
        var csp = (await GetAsync(url)).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("*", csp);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'" })
            Assert.Contains(directive, csp);
    }

    [Fact]
    public async Task Zap_10021_pages_errors_files_and_downloads_are_never_mime_sniffed()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var signedIn = await TestAccounts.SignedInAsync(site, me.User);
        foreach (var response in new[]
        {
            await GetAsync("/"), await GetAsync("/no-such-page"), await GetAsync(await StylesheetUrlAsync()),
            await signedIn.Http.GetAsync("/account/privacy/export.json"), await signedIn.Http.GetAsync($"/account/privacy/certificates/{me.CertificateId}/pdf"),
        })
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory, MemberData(nameof(AnonymousPages))]
    public async Task Zap_10020_no_page_can_be_framed(string url)
    {
        var response = await GetAsync(url);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Zap_10063_powerful_browser_features_are_switched_off()
    {
        var policy = (await GetAsync("/")).Headers.GetValues("Permissions-Policy").Single();

        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.Contains(feature, policy);
    }

    [Fact]
    public async Task Zap_90004_pages_are_isolated_from_other_origins()
    {
        var page = await GetAsync("/");
        var stylesheet = await GetAsync(await StylesheetUrlAsync());

        Assert.Equal("same-origin", page.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("require-corp", page.Headers.GetValues("Cross-Origin-Embedder-Policy").Single());
        Assert.Equal("same-origin", stylesheet.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task No_zap_rule_referrers_to_other_sites_carry_no_path()
    {
        Assert.Equal("same-origin", (await GetAsync("/courses")).Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Zap_10035_hsts_is_sent_over_https_only()
    {
        using var https = SecureClients.Https(site);
        using var http = SiteClient.For(site);

        var secure = await https.Http.GetAsync("/");
        var plain = await http.Http.GetAsync("/");

        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Zap_10035_without_a_proxy_a_forwarded_https_header_is_not_believed()
    {
        using var http = SiteClient.For(site);
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await http.Http.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Zap_10015_and_10049_signed_in_pages_are_not_stored_but_fingerprinted_files_stay_cacheable()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var signedIn = await TestAccounts.SignedInAsync(site, me.User);

        foreach (var url in new[] { "/", "/account/privacy", "/account/privacy/export", "/account/privacy/export.json", "/courses" })
        {
            var response = await signedIn.Http.GetAsync(url);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }
        var stylesheet = await signedIn.Http.GetAsync(await StylesheetUrlAsync());
        Assert.DoesNotContain("no-store", stylesheet.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task Zap_10037_no_framework_version_is_announced()
    {
        var response = await GetAsync("/");

        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.False(response.Headers.Contains("X-AspNet-Version"));
        Assert.False(response.Headers.Contains("X-AspNetMvc-Version"));
    }

    [Fact]
    public async Task Zap_10202_every_form_that_posts_carries_an_antiforgery_token()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var signedIn = await TestAccounts.SignedInAsync(site, me.User);
        using var anonymous = SiteClient.For(site);
        var checkedForms = 0;
        foreach (var (client, url) in new[]
        {
            (anonymous, "/"), (anonymous, "/account/login"), (anonymous, "/account/register"), (anonymous, "/account/forgot-password"),
            (signedIn, "/account/profile"), (signedIn, "/account/privacy"), (signedIn, "/account/privacy/delete"), (signedIn, "/account/change-password"),
        })
        {
            var (_, page) = await client.GetAsync(url);
            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{url}: form to {form.Action} has no token");
                checkedForms++;
            }
        }
        Assert.True(checkedForms >= 10, $"only {checkedForms} forms checked");
    }
}

/// <summary>Behind a proxy (Site:BehindProxy) the scheme the visitor used comes from X-Forwarded-Proto.</summary>
[Collection(SiteCollection.Name)]
public sealed class ProxiedSecurityHeadersTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    [Fact]
    public async Task Zap_10035_and_10011_a_forwarded_https_request_gets_hsts_and_secure_cookies()
    {
        // HSTS is never sent to localhost, TestServer's default host; the proxy passes the public host name on.
        using var http = new SiteClient(site.CreateClient(new() { BaseAddress = new Uri("http://iqlearning.test"), AllowAutoRedirect = false }));
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await http.Http.SendAsync(request);

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".IQLearning.Antiforgery="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
