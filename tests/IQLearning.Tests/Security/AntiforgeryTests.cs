using System.Net;
using System.Text.RegularExpressions;
using IQLearning.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>
/// Every state-changing endpoint the app maps refuses a request without an antiforgery token (ZAP 10202, ASVS 4.2.2).
/// The endpoints come from the app's own EndpointDataSource, so a new POST action is covered without touching this test.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class AntiforgeryTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private IReadOnlyList<(string Method, string Url)> StateChangingEndpoints() =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(UnsafeMethods)
                .Select(method => (method, Url(e.RoutePattern.RawText!))))
            .Where(e => !ChangesNothing.Contains(e.Item2))
            .Distinct().OrderBy(e => e.Item2).ToList();

    /// <summary>
    /// POST endpoints that change no state and serve callers without a session: the public credential check takes a
    /// JWT in the body (wallets and scripts post it) and only answers whether it is valid.
    /// </summary>
    private static readonly HashSet<string> ChangesNothing = ["/verify/credential"];

    /// <summary>A concrete URL for a route template: numbers for int parameters, a GUID for guid ones, a word otherwise.</summary>
    private static string Url(string template) =>
        "/" + Parameter().Replace(template.TrimStart('/'), m => m.Value.Contains(":int") ? "1" : m.Value.Contains(":guid") ? Guid.Empty.ToString() : "x");

    [Fact]
    public async Task Every_state_changing_endpoint_answers_400_without_a_token_even_for_an_account_in_every_role()
    {
        var endpoints = StateChangingEndpoints();
        Assert.Contains(("POST", "/account/privacy/delete"), endpoints);
        Assert.Contains(("POST", "/account/login"), endpoints);
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        using var client = await SecureClients.SignedInAsync(site, SiteClient.For(site), await SecureClients.AllRolesAsync(site));

        var accepted = new List<string>();
        foreach (var (method, url) in endpoints)
        {
            // Multipart with a file part, so the media upload (which checks the token itself, before any file byte) is tested too.
            using var content = new MultipartFormDataContent { { new StringContent("x"), "Title" }, { new ByteArrayContent([1, 2, 3]), "File", "a.png" } };
            var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{method} {url}: {(int)response.StatusCode}");
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public async Task A_valid_token_gets_past_the_check_so_the_400_above_is_the_token_and_not_the_request()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        var response = await client.PostFromPageAsync("/account/profile", "/account/profile",
            new Dictionary<string, string> { ["DisplayName"] = "Mit Token", ["PreferredLanguage"] = "de" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
