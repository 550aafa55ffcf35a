using System.Net;
using System.Security.Cryptography;
using System.Text;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Privacy;

[Collection(SiteCollection.Name)]
public sealed class DeleteMyAccountTests(PrivacySite site) : IClassFixture<PrivacySite>
{
    private static Task<HttpResponseMessage> DeleteAsync(SiteClient client, string password, string certificates = "Revoke") =>
        client.SubmitAsync("/account/privacy/delete", "/account/privacy/delete",
            new Dictionary<string, string> { ["Password"] = password, ["Certificates"] = certificates });

    [Fact]
    public async Task A_wrong_password_deletes_nothing()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        var response = await DeleteAsync(client, "not my password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#Password")!.GetAttribute("aria-invalid"));
        Assert.True(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == me.User.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.Enrollments.CountAsync(e => e.UserId == me.User.Id)));
    }

    [Fact]
    public async Task Deleting_with_revoked_certificates_erases_the_person_and_keeps_only_anonymous_statistics()
    {
        var me = await LearnerRecords.SeedAsync(site);
        var other = await LearnerRecords.SeedAsync(site, displayName: "Bernd Other");
        using var client = await TestAccounts.SignedInAsync(site, me.User);
        var (_, form) = await client.GetAsync("/account/privacy/delete");
        Assert.NotNull(form.QuerySelector("input[type=radio][name=Certificates][value=Keep]"));

        var response = await DeleteAsync(client, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/privacy/deleted", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/privacy")).Status); // signed out
        await site.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == me.User.Id));
            await AssertLearningAnonymisedAsync(db, me);
            await AssertPersonalRowsGoneAsync(db, me);

            var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == me.CertificateId);
            Assert.Equal(site.Now, certificate.RevokedAt);
            Assert.Equal("account deleted", certificate.RevocationReason);
            Assert.Equal(DeleteMyAccount.ErasedHolderName, certificate.HolderName);
            Assert.Null(certificate.HolderNameHash);
            Assert.Null(certificate.UserId);
            Assert.Null(certificate.EnrollmentId);
            Assert.Null(certificate.Pdf);
            Assert.Null(certificate.CredentialJwt);

            var deleted = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "privacy.account-deleted" && e.At == site.Now);
            Assert.Null(deleted.ActorId);
            Assert.Null(deleted.Subject);
            Assert.Null(deleted.IpAddress);
            Assert.DoesNotContain(me.User.Id, deleted.Detail ?? "");
            Assert.DoesNotContain(me.User.Email!, deleted.Detail ?? "");
        });
        await AssertUntouchedAsync(other);
    }

    [Fact]
    public async Task Keeping_certificates_leaves_a_verification_record_with_the_name_only_as_its_hash()
    {
        var me = await LearnerRecords.SeedAsync(site, displayName: "Anna  Schmidt ");
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(client, TestAccounts.Password, "Keep")).StatusCode);

        var certificate = await site.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == me.CertificateId));
        Assert.Null(certificate.RevokedAt);
        Assert.Equal(DeleteMyAccount.ErasedHolderName, certificate.HolderName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("anna schmidt"))), certificate.HolderNameHash);
        Assert.Null(certificate.UserId);
        Assert.Null(certificate.Pdf);
        Assert.Null(certificate.CredentialJwt);
        Assert.Equal(new string('a', 64), certificate.PdfSha256);
        Assert.Equal(me.CertificateNumber, certificate.Number);
    }

    [Fact]
    public async Task The_confirmation_page_after_deletion_is_reachable_signed_out()
    {
        using var anonymous = SiteClient.For(site);

        var (status, page) = await anonymous.GetAsync("/account/privacy/deleted");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("gelöscht", page.QuerySelector("h1")!.TextContent);
    }

    /// <summary>The organization still counts one completion for its assignment; the rows no longer lead to the person.</summary>
    private static async Task AssertLearningAnonymisedAsync(AppDbContext db, LearnerRecords me)
    {
        var enrollment = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == me.EnrollmentId);
        Assert.NotEqual(me.User.Id, enrollment.UserId);
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.Equal(1, await db.Enrollments.CountAsync(e => e.AssignmentId == me.AssignmentId && e.Status == EnrollmentStatus.Completed));
        Assert.Equal(600, (await db.LessonProgress.AsNoTracking().SingleAsync(p => p.EnrollmentId == me.EnrollmentId)).SecondsOnTask);
        var placeholder = await db.Users.AsNoTracking().SingleAsync(u => u.Id == enrollment.UserId);
        Assert.StartsWith(DeleteMyAccount.PlaceholderUserNamePrefix, placeholder.UserName);
        Assert.Null(placeholder.Email);
        Assert.Null(placeholder.PasswordHash);
        Assert.Equal("", placeholder.DisplayName);
        Assert.Equal(DateTimeOffset.MaxValue, placeholder.LockoutEnd);
        Assert.Empty(await db.UserRoles.Where(r => r.UserId == placeholder.Id).ToListAsync());

        var attempt = await db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == me.SubmittedAttemptId);
        Assert.Equal(placeholder.Id, attempt.UserId);
        Assert.Equal("{}", attempt.AnswersJson); // the essay is gone, the score stays
        Assert.Equal(100m, attempt.Percent);
        Assert.False(await db.QuizAttempts.AnyAsync(a => a.Id == me.OpenAttemptId));
        Assert.Equal(placeholder.Id, (await db.ScenarioRuns.AsNoTracking().SingleAsync(r => r.Id == me.FinishedRunId)).UserId);
        Assert.False(await db.ScenarioRuns.AnyAsync(r => r.Id == me.OpenRunId));
    }

    private static async Task AssertPersonalRowsGoneAsync(AppDbContext db, LearnerRecords me)
    {
        var email = me.User.Email!;
        Assert.False(await db.SelfAssessmentResults.AnyAsync(r => r.UserId == me.User.Id));
        Assert.False(await db.AccessibilityFeedback.AnyAsync(f => f.UserId == me.User.Id || f.Email == email));
        Assert.False(await db.OrganizationMembers.AnyAsync(m => m.UserId == me.User.Id));
        Assert.False(await db.CertificateConsents.AnyAsync(c => c.UserId == me.User.Id));
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == email));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Id == me.LearnerMailId || m.Id == me.OrganizationMailId));
        Assert.False(await db.OutboxAttachments.AnyAsync(a => a.OutboxMessageId == me.LearnerMailId || a.OutboxMessageId == me.OrganizationMailId));
        // The record that the organization lawfully received the certificate stays; the learner's own address goes.
        var delivery = await db.CertificateDeliveries.AsNoTracking().SingleAsync(d => d.CertificateId == me.CertificateId);
        Assert.Equal("organization", delivery.RecipientKind);
        Assert.Equal(LearnerRecords.OrganizationAddress, delivery.Address);
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Id == me.OrganizationId));
    }

    private Task AssertUntouchedAsync(LearnerRecords other) => site.WithDbAsync(async db =>
    {
        Assert.True(await db.Users.AnyAsync(u => u.Id == other.User.Id));
        Assert.Equal(other.User.Id, (await db.Enrollments.SingleAsync(e => e.Id == other.EnrollmentId)).UserId);
        Assert.Equal(2, await db.QuizAttempts.CountAsync(a => a.UserId == other.User.Id));
        Assert.Equal(2, await db.ScenarioRuns.CountAsync(r => r.UserId == other.User.Id));
        Assert.Equal(1, await db.SelfAssessmentResults.CountAsync(r => r.UserId == other.User.Id));
        Assert.Equal(2, await db.OrganizationMembers.CountAsync(m => m.UserId == other.User.Id));
        Assert.Equal(1, await db.CertificateConsents.CountAsync(c => c.UserId == other.User.Id));
        Assert.Equal("Bernd Other", (await db.Certificates.SingleAsync(c => c.Id == other.CertificateId)).HolderName);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Id == other.LearnerMailId));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Id == other.OrganizationMailId));
        Assert.Equal(2, await db.CertificateDeliveries.CountAsync(d => d.CertificateId == other.CertificateId));
    });
}
