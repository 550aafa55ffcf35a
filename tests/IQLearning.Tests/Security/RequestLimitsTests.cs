using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Tests.Security;

/// <summary>The site on Kestrel: body-size limits and the Server header belong to the real server, not to TestServer.</summary>
public sealed class KestrelSite : SiteFactory
{
    public KestrelSite() : base(startSmtp: false, kestrel: true, useSmtp: false) { }
}

[Collection(SiteCollection.Name)]
public sealed class RequestLimitsTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private HttpClient Client() => new() { BaseAddress = site.BaseAddress };

    private static FormUrlEncodedContent Form(string key, string value) => new([new(key, value)]);

    [Fact]
    public async Task A_body_over_the_global_limit_is_refused_with_413()
    {
        using var client = Client();
        using var body = new ByteArrayContent(new byte[SiteExtensions.MaxRequestBodyBytes + 1024]);
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        // With "Expect: 100-continue" the client waits for the server's answer before sending the body; without it the
        // server's early 413 races the upload and the client may only see the connection closing.
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = body };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_form_value_over_the_limit_is_refused_with_400()
    {
        using var client = Client();

        var response = await client.PostAsync("/account/login", Form("Email", new string('a', SiteExtensions.MaxFormValueBytes + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_form_key_over_the_limit_is_refused_with_400()
    {
        using var client = Client();

        var response = await client.PostAsync("/account/login", Form(new string('k', SiteExtensions.MaxFormKeyLength + 1), "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Zap_10036_the_server_does_not_name_itself()
    {
        using var client = Client();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Server));
    }
}
