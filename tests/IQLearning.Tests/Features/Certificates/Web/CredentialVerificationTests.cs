using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Certificates.Model;
using Jose;
using Microsoft.EntityFrameworkCore;
using Base64Url = System.Buffers.Text.Base64Url;

namespace IQLearning.Tests.Features.Certificates.Web;

[Collection(SiteCollection.Name)]
public sealed class CredentialVerificationTests(VerifySite site) : IClassFixture<VerifySite>
{
    [Fact]
    public async Task The_issued_credential_verifies_with_jose_jwt_against_the_published_key_set()
    {
        var certificate = await IssueAsync(validityMonths: 24);
        using var client = SiteClient.For(site);
        var jwks = JwkSet.FromJson(await client.Http.GetStringAsync("/.well-known/jwks.json"), JWT.DefaultSettings.JsonMapper);
        var kid = (string)JWT.Headers(certificate.CredentialJwt!)["kid"];

        var payload = JsonNode.Parse(JWT.Decode(certificate.CredentialJwt!, jwks.Keys.Single(k => k.KeyId == kid)))!;

        Assert.Equal("RS256", (string)JWT.Headers(certificate.CredentialJwt!)["alg"]);
        Assert.Equal(certificate.VerificationUrl, payload["jti"]!.GetValue<string>());
        Assert.Equal(certificate.CourseTitle, payload["vc"]!["name"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(certificate.ExpiresAt!.Value).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.ThrowsAny<JoseException>(() => JWT.Decode(Tampered(certificate.CredentialJwt!), jwks.Keys.Single(k => k.KeyId == kid)));
    }

    [Fact]
    public async Task The_endpoint_says_valid_for_the_issued_credential_and_invalid_for_a_tampered_one()
    {
        var certificate = await IssueAsync(validityMonths: 24);

        var good = await CheckRawAsync(certificate.CredentialJwt!);
        var tampered = await CheckRawAsync(Tampered(certificate.CredentialJwt!));
        var garbage = await CheckRawAsync("eyJhbGciOiJub25lIn0.e30.");

        Assert.Equal("valid", good["status"]!.GetValue<string>());
        Assert.Equal(certificate.Number, good["number"]!.GetValue<string>());
        Assert.Equal("invalid", tampered["status"]!.GetValue<string>());
        Assert.Null(tampered["number"]);
        Assert.Equal("invalid", garbage["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_endpoint_says_revoked_once_the_certificate_is_revoked()
    {
        var certificate = await IssueAsync(validityMonths: 24);

        await site.WriteAsync(db => db.Certificates.Single(c => c.Id == certificate.Id).RevokedAt = site.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal("revoked", (await CheckRawAsync(certificate.CredentialJwt!))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_endpoint_says_expired_after_the_validity_ended()
    {
        var certificate = await IssueAsync(validityMonths: 1);

        site.Clock.Advance(TimeSpan.FromDays(40));

        Assert.Equal("expired", (await CheckRawAsync(certificate.CredentialJwt!))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_form_on_the_verification_page_shows_the_result_as_a_page()
    {
        var certificate = await IssueAsync(validityMonths: 24);
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/verify", "/verify/credential", new Dictionary<string, string> { ["jwt"] = certificate.CredentialJwt! });
        var page = await SiteClient.ParseAsync(response);
        var tampered = await SiteClient.ParseAsync(await client.SubmitAsync("/verify", "/verify/credential",
            new Dictionary<string, string> { ["jwt"] = Tampered(certificate.CredentialJwt!) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("valid", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.NotNull(page.QuerySelector($"a[href='/verify/{certificate.Number}']"));
        Assert.Equal("invalid", tampered.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    private async Task<IssuedCertificate> IssueAsync(int validityMonths) =>
        await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Cora Credential"), await site.CreateCourseAsync(validityMonths: validityMonths));

    private async Task<JsonNode> CheckRawAsync(string jwt)
    {
        using var client = SiteClient.For(site);
        var content = new StringContent(jwt, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/jwt");
        var response = await client.Http.PostAsync("/verify/credential", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The holder's name changed in the payload, the signature left as it was.</summary>
    private static string Tampered(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["vc"]!["name"] = "Ein ganz anderer Kurs";
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }
}
