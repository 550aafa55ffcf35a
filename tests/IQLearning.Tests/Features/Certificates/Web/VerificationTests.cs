using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class VerifySite() : CertificateSite;

[Collection(SiteCollection.Name)]
public sealed class VerificationTests(VerifySite site) : IClassFixture<VerifySite>
{
    [Fact]
    public async Task A_valid_certificate_shows_status_holder_course_version_dates_issuer_and_pdf_hash_but_no_mail_address()
    {
        var learner = await site.CreateLearnerAsync("Zofia Nowak");
        var certificate = await site.EnrollAndCompleteAsync(learner, await site.CreateCourseAsync(validityMonths: 24));
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync("/verify/" + certificate.Number);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Valid", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        var facts = page.QuerySelector("dl.certificate-facts")!.TextContent;
        Assert.Contains("Zofia Nowak", facts);
        Assert.Contains(certificate.CourseTitle + " (Version 3)", facts);
        Assert.Contains("15. Januar 2026", facts);
        Assert.Contains("15. Januar 2028", facts);
        Assert.Contains(certificate.IssuingUnit, facts);
        Assert.Contains(certificate.PdfSha256, facts);
        Assert.DoesNotContain(learner.Email!, page.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_number_is_found_in_any_case_and_a_pasted_hash_is_compared_with_the_stored_pdf()
    {
        var certificate = await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Hana Hash"), await site.CreateCourseAsync());
        using var client = SiteClient.For(site, "en");

        var (_, matching) = await client.GetAsync($"/verify/{certificate.Number.ToLowerInvariant()}?sha256={certificate.PdfSha256.ToUpperInvariant()}%20%20{certificate.Number}.pdf");
        var (_, differing) = await client.GetAsync($"/verify/{certificate.Number}?sha256={new string('a', 64)}");
        var (_, nonsense) = await client.GetAsync($"/verify/{certificate.Number}?sha256=not-a-hash");

        Assert.Equal("Matches", matching.QuerySelector("#hash-result")!.GetAttribute("data-hash-check"));
        Assert.Equal("Differs", differing.QuerySelector("#hash-result")!.GetAttribute("data-hash-check"));
        Assert.Equal("NotAHash", nonsense.QuerySelector("#hash-result")!.GetAttribute("data-hash-check"));
    }

    [Fact]
    public async Task After_its_expiry_a_certificate_is_shown_as_expired()
    {
        var certificate = await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Emil Expired"), await site.CreateCourseAsync(validityMonths: 1));
        using var client = SiteClient.For(site);
        var (_, before) = await client.GetAsync("/verify/" + certificate.Number);

        site.Clock.Advance(TimeSpan.FromDays(32));
        var (_, after) = await client.GetAsync("/verify/" + certificate.Number);

        Assert.Equal("Valid", before.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal("Expired", after.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_reviewer_revokes_with_a_reason_and_verification_shows_revoked_without_the_reason()
    {
        var certificate = await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Rolf Revoked"), await site.CreateCourseAsync());
        var reviewer = await site.CreateLearnerAsync("Rena Reviewer", role: Roles.Reviewer);
        using var officer = await TestAccounts.SignedInAsync(site, reviewer);

        var response = await officer.SubmitAsync($"/admin/certificates/{certificate.Id}", $"/admin/certificates/{certificate.Id}/revoke",
            new Dictionary<string, string> { ["Revoke.Reason"] = "Versehentlich für die falsche Person ausgestellt" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await site.ReadAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id));
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, stored.RevokedAt);
        Assert.Equal(reviewer.Id, stored.RevokedById);
        Assert.Equal("Versehentlich für die falsche Person ausgestellt", stored.RevocationReason);
        using var anyone = SiteClient.For(site);
        var (_, page) = await anyone.GetAsync("/verify/" + certificate.Number);
        Assert.Equal("Revoked", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.DoesNotContain("falsche Person", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_revocation_needs_a_reason_and_an_officer()
    {
        var certificate = await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Nina Noreason"), await site.CreateCourseAsync());
        using var admin = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Adam Admin", role: Roles.Administrator));
        using var learner = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Lea Learner"));

        var withoutReason = await admin.SubmitAsync($"/admin/certificates/{certificate.Id}", $"/admin/certificates/{certificate.Id}/revoke",
            new Dictionary<string, string> { ["Revoke.Reason"] = "" });
        var (learnerStatus, _) = await learner.GetAsync($"/admin/certificates/{certificate.Id}");

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.NotNull((await SiteClient.ParseAsync(withoutReason)).QuerySelector(".error-summary"));
        Assert.Equal(HttpStatusCode.Forbidden, learnerStatus);
        Assert.Null(await site.ReadAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.RevokedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("IQ-2026-2222-2222")]          // well-formed, guessed
    [InlineData("iq-2026-zzzz-zzzz")]          // well-formed in lower case, guessed
    [InlineData("IQ-2026-0000-0000")]          // symbols the alphabet leaves out
    [InlineData("nicht-eine-nummer")]
    [InlineData("IQ-2026-7KQX-M4RD' OR '1'='1")]
    public async Task An_unknown_malformed_or_guessed_number_gets_the_same_plain_not_found(string number)
    {
        await site.EnrollAndCompleteAsync(await site.CreateLearnerAsync("Gustav Guess"), await site.CreateCourseAsync());
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync("/verify/" + Uri.EscapeDataString(number));
        var (_, reference) = await client.GetAsync("/verify/IQ-2026-3333-3333");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(MainText(reference), MainText(page));
        Assert.Null(page.QuerySelector("[data-status]"));
    }

    [Fact]
    public async Task The_published_key_set_holds_public_keys_only()
    {
        using var client = SiteClient.For(site);

        var response = await client.Http.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();
        Assert.Equal(["RS256", "ES256"], keys.Select(k => k!["alg"]!.GetValue<string>()));
        foreach (var key in keys)
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
            Assert.False(key!.AsObject().ContainsKey(secret), $"the JWKS publishes the private member '{secret}'");
    }

    private static string MainText(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;
}
