using System.Net;
using System.Text.Json;
using IQLearning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Privacy;

[Collection(SiteCollection.Name)]
public sealed class ExportMyDataTests(PrivacySite site) : IClassFixture<PrivacySite>
{
    [Fact]
    public async Task The_json_download_is_an_attachment_with_every_kind_of_record_about_me_and_nothing_about_others()
    {
        var me = await LearnerRecords.SeedAsync(site);
        var other = await LearnerRecords.SeedAsync(site, displayName: "Bernd Other");
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        var response = await client.Http.GetAsync("/account/privacy/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(me.User.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Anna Schmidt", root.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Contains("Learner", Strings(root.GetProperty("roles")));
        Assert.Equal(2, root.GetProperty("memberships").GetArrayLength());
        Assert.Equal(1, root.GetProperty("invitations").GetArrayLength());
        var consent = Assert.Single(root.GetProperty("consents").EnumerateArray());
        Assert.Equal(me.OrganizationId, consent.GetProperty("organizationId").GetInt32());
        Assert.Equal(JsonValueKind.Null, consent.GetProperty("withdrawnAt").ValueKind);
        var enrollment = Assert.Single(root.GetProperty("enrollments").EnumerateArray());
        Assert.Equal("Completed", enrollment.GetProperty("status").GetString());
        Assert.Equal(600, Assert.Single(enrollment.GetProperty("lessons").EnumerateArray()).GetProperty("secondsOnTask").GetInt32());
        var attempts = root.GetProperty("quizAttempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(me.Text, attempts.Single(a => a.GetProperty("number").GetInt32() == 1).GetProperty("answers").GetProperty("e1")[0].GetString());
        Assert.Equal(2, root.GetProperty("scenarioRuns").GetArrayLength());
        Assert.Equal("s1", root.GetProperty("scenarioRuns")[0].GetProperty("path")[0].GetProperty("step").GetString());
        Assert.Equal(1, root.GetProperty("selfAssessments").GetArrayLength());
        var certificate = Assert.Single(root.GetProperty("certificates").EnumerateArray());
        Assert.Equal(me.CertificateNumber, certificate.GetProperty("number").GetString());
        Assert.Equal($"/account/privacy/certificates/{me.CertificateId}/pdf", certificate.GetProperty("pdfUrl").GetString());
        Assert.Equal(["learner", "organization"], root.GetProperty("certificateDeliveries").EnumerateArray().Select(d => d.GetProperty("recipientKind").GetString()).Order());
        var mail = Assert.Single(root.GetProperty("mails").EnumerateArray());
        Assert.Contains(me.CertificateNumber, mail.GetProperty("subject").GetString());
        var log = root.GetProperty("securityLog").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("account.sign-in", log);
        Assert.Contains("user.roles-changed", log); // done by an administrator, about me
        Assert.Equal(me.Text, Assert.Single(root.GetProperty("accessibilityFeedback").EnumerateArray()).GetProperty("message").GetString());

        // The PDF is a link, not bytes; nothing of the other learner is in it.
        Assert.DoesNotContain(Convert.ToBase64String(me.Pdf), text);
        Assert.DoesNotContain(other.User.Email!, text);
        Assert.DoesNotContain(other.Text, text);
        Assert.DoesNotContain(other.CertificateNumber, text);
        Assert.DoesNotContain(other.User.Id, text);
    }

    [Fact]
    public async Task The_export_carries_the_notification_settings_the_person_chose()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);
        using (var before = JsonDocument.Parse(await client.Http.GetStringAsync("/account/privacy/export.json")))
            Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("notificationSettings").ValueKind);

        await site.WithDbAsync(async db =>
        {
            db.NotificationSettings.Add(new IQLearning.Web.Features.Organizations.Model.NotificationSettings
            {
                UserId = me.User.Id, OptionalExpiryReminders = false, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        using var after = JsonDocument.Parse(await client.Http.GetStringAsync("/account/privacy/export.json"));
        var settings = after.RootElement.GetProperty("notificationSettings");
        Assert.False(settings.GetProperty("optionalExpiryReminders").GetBoolean());
        Assert.True(settings.GetProperty("optionalAssignmentReminders").GetBoolean());
        var (_, page) = await client.GetAsync("/account/privacy/export");
        Assert.Contains("Erinnerungen vor Ablauf freiwilliger Zertifikate: aus", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_readable_page_shows_the_same_records_and_links_the_certificate_pdf()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        var (status, page) = await client.GetAsync("/account/privacy/export");

        Assert.Equal(HttpStatusCode.OK, status);
        var main = page.QuerySelector("main")!.TextContent;
        foreach (var expected in new[] { me.User.Email!, "Anna Schmidt", me.Text, me.CertificateNumber, "Jobcenter", "account.sign-in", "Lektion" })
            Assert.Contains(expected, main);
        var link = page.QuerySelector($"a[href='/account/privacy/certificates/{me.CertificateId}/pdf']");
        Assert.NotNull(link);
        var pdf = await client.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(me.Pdf, await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_export_is_recorded_in_the_audit_log_with_its_format()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        await client.Http.GetAsync("/account/privacy/export.json");
        await client.GetAsync("/account/privacy/export");

        var events = await site.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "privacy.export" && e.ActorId == me.User.Id)
            .Select(e => new { e.Subject, e.Detail }).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal($"user:{me.User.Id}", e.Subject));
        Assert.Equal(["json", "page"], events.Select(e => e.Detail).Order());
    }

    [Fact]
    public async Task Without_signing_in_the_export_is_not_served()
    {
        using var anonymous = SiteClient.For(site);

        var response = await anonymous.Http.GetAsync("/account/privacy/export.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
