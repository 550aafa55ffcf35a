using System.Security.Cryptography;
using System.Text.Json;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class IssuingSite() : CertificateSite;

[Collection(SiteCollection.Name)]
public sealed class IssueOnCompletionTests(IssuingSite site) : IClassFixture<IssuingSite>
{
    [Fact]
    public async Task Completion_issues_a_certificate_whose_pdf_shows_holder_course_number_and_dates_and_mails_it_to_the_learner()
    {
        var course = await site.CreateCourseAsync(validityMonths: 24, durationMinutes: 90);
        var learner = await site.CreateLearnerAsync("Zofia Łukasiewicz-Müller");

        var certificate = await site.EnrollAndCompleteAsync(learner, course);

        Assert.Matches("^IQ-2026-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", certificate.Number);
        Assert.Equal("3", certificate.CourseVersionLabel); // the PDF and the pages print "Version 3"
        Assert.Equal(1.5m, certificate.Hours);
        Assert.Equal(CertificateSite.PublicBaseUrl + "/verify/" + certificate.Number, certificate.VerificationUrl);
        Assert.Equal(new DateTime(2028, 1, 15, 9, 30, 0, DateTimeKind.Utc), certificate.ExpiresAt);
        Assert.Equal(["Formen von Diskriminierung erkennen", "Handlungsmöglichkeiten kennen"], JsonSerializer.Deserialize<string[]>(certificate.OutcomesJson)!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificate.Pdf!)), certificate.PdfSha256);

        var text = PdfText(certificate.Pdf!);
        Assert.Contains(Squeeze("Zofia Łukasiewicz-Müller"), text);
        Assert.Contains(Squeeze(course.Title), text);
        Assert.Contains(certificate.Number, text);
        Assert.Contains(Squeeze("Ausgestellt am: 15. Januar 2026"), text);
        Assert.Contains(Squeeze("Gültig bis: 15. Januar 2028"), text);
        Assert.Contains(Squeeze("IQ Fachstelle Interkulturelle Kompetenzentwicklung"), text);

        var mail = await Mailbox.WaitForAsync(site.Smtp!, learner.Email!);
        Assert.Contains(certificate.Number, mail.TextBody);
        Assert.Contains(certificate.VerificationUrl, mail.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(certificate.Number + ".pdf", attachment.FileName);
        Assert.Equal(certificate.Pdf, Content(attachment));

        var delivery = await site.ReadAsync(db => db.CertificateDeliveries.AsNoTracking().SingleAsync(d => d.CertificateId == certificate.Id));
        Assert.Equal(RecipientKinds.Learner, delivery.RecipientKind);
        Assert.Equal(learner.Email!.ToLowerInvariant(), delivery.Address);
        var outbox = await site.ReadAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == delivery.OutboxMessageId));
        Assert.Equal($"certificate:{certificate.Id}:learner", outbox.DeduplicationKey);
    }

    [Fact]
    public async Task An_english_speaking_learner_gets_the_mail_in_english_and_a_course_without_validity_has_no_expiry()
    {
        var course = await site.CreateCourseAsync(validityMonths: 0);
        var learner = await site.CreateLearnerAsync("Kim Taylor", language: "en");

        var certificate = await site.EnrollAndCompleteAsync(learner, course);

        Assert.Null(certificate.ExpiresAt);
        Assert.DoesNotContain(Squeeze("Gültig bis"), PdfText(certificate.Pdf!));
        var mail = await Mailbox.WaitForAsync(site.Smtp!, learner.Email!);
        Assert.StartsWith("Your certificate", mail.Subject);
        Assert.Contains("Validity: no expiry", mail.TextBody);
    }

    [Fact]
    public async Task Completing_the_same_enrollment_again_issues_nothing_more()
    {
        var course = await site.CreateCourseAsync();
        var learner = await site.CreateLearnerAsync("Ada Again");
        var enrollmentId = await site.EnrollAsync(learner.Id, course);

        await site.CompleteAsync(enrollmentId, learner.Id, course);
        await site.CompleteAsync(enrollmentId, learner.Id, course);

        Assert.Equal(1, await site.ReadAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollmentId)));
        Assert.Equal(1, await site.ReadAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == learner.Email)));
    }

    [Fact]
    public async Task Two_completions_racing_in_their_own_transactions_yield_one_certificate_and_one_learner_mail()
    {
        var course = await site.CreateCourseAsync();
        var learner = await site.CreateLearnerAsync("Rita Race");
        var enrollmentId = await site.EnrollAsync(learner.Id, course);
        using var start = new Barrier(2);

        await Task.WhenAll(
            Task.Run(async () => { start.SignalAndWait(); await site.CompleteAsync(enrollmentId, learner.Id, course); }),
            Task.Run(async () => { start.SignalAndWait(); await site.CompleteAsync(enrollmentId, learner.Id, course); }));

        await AssertOneCertificateAndOneMailAsync(enrollmentId, learner.Email!);
    }

    [Fact]
    public async Task Two_handlers_racing_past_the_existence_check_meet_the_unique_index_and_the_loser_is_a_no_op()
    {
        var course = await site.CreateCourseAsync();
        var learner = await site.CreateLearnerAsync("Uma Unique");
        var enrollmentId = await site.EnrollAsync(learner.Id, course);
        var completion = new CourseCompleted(enrollmentId, learner.Id, course.ItemId, course.VersionId, site.Clock.GetUtcNow().UtcDateTime);
        using var start = new Barrier(4);

        // No surrounding transaction: both look for a certificate before either has stored one, so the unique
        // index on the enrollment decides, and the loser must swallow the violation and queue nothing.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = site.Services.CreateScope();
            var handler = scope.ServiceProvider.GetServices<ICourseCompletedHandler>().OfType<IssueOnCompletion>().Single();
            start.SignalAndWait();
            await handler.HandleAsync(completion, CancellationToken.None);
        })));

        await AssertOneCertificateAndOneMailAsync(enrollmentId, learner.Email!);
    }

    private async Task AssertOneCertificateAndOneMailAsync(int enrollmentId, string email)
    {
        Assert.Equal(1, await site.ReadAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollmentId)));
        Assert.Equal(1, await site.ReadAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email)));
        await Mailbox.WaitForAsync(site.Smtp!, email);
        await site.WaitForOutboxAsync();
        Assert.Single(Mailbox.To(site.Smtp!, email));
    }

    internal static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    // PdfPig rebuilds spaces from glyph positions, so text is compared without white space.
    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(document.GetPage(1).Text);
    }

    internal static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
