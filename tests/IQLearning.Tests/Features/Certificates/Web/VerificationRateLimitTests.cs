using System.Net;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class RateLimitedSite() : CertificateSite(verificationsPerMinute: 3);

[Collection(SiteCollection.Name)]
public sealed class VerificationRateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    [Fact]
    public async Task Guessing_counts_against_the_limit_and_the_next_look_up_gets_429_from_the_status_page()
    {
        var certificate = await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Lotte Limit"), await site.CreateCourseAsync());
        using var client = SiteClient.For(site);

        var guesses = new[] { "/verify/IQ-2026-2222-2222", "/verify/kaputt", "/verify/IQ-2026-3333-4444" };
        foreach (var guess in guesses) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(guess)).Status);
        var (status, page) = await client.GetAsync("/verify/" + certificate.Number);
        var credential = await client.Http.PostAsync("/verify/credential", new StringContent(certificate.CredentialJwt!));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Zu viele Anfragen", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.TooManyRequests, credential.StatusCode); // a script gets a plain 429, not a 400 from the status page
        Assert.Equal("60", credential.Headers.RetryAfter!.ToString());
        var form = await client.SubmitAsync("/verify", "/verify/credential", new Dictionary<string, string> { ["jwt"] = certificate.CredentialJwt! });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Zu viele Anfragen", (await SiteClient.ParseAsync(form)).QuerySelector("h1")!.TextContent);
        // The form page itself is not a look-up and stays reachable.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verify")).Status);
    }
}
