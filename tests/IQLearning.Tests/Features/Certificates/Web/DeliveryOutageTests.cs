using IQLearning.Tests.Support;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Certificates.Web;

/// <summary>The certificate site with its SMTP server down at first.</summary>
public sealed class OutageCertificateSite() : CertificateSite(startSmtp: false);

[Collection(SiteCollection.Name)]
public sealed class DeliveryOutageTests(OutageCertificateSite site) : IClassFixture<OutageCertificateSite>
{
    private const string Employer = "personal@arbeitgeber.test";
    private const string JobCentre = "zertifikate@jobcenter.test";
    private const string Administration = "fortbildung@verwaltung.test";

    [Fact]
    public async Task Fifty_completions_during_an_smtp_outage_deliver_exactly_the_lawful_mails_once_the_server_is_back()
    {
        var course = await site.CreateCourseAsync();
        var employer = await site.CreateOrganizationAsync(Employer);
        var jobCentre = await site.CreateOrganizationAsync(JobCentre, kind: OrganizationKind.JobCentre);
        // Everybody is a member here, nobody consented and it assigned nothing: it must receive nothing.
        var administration = await site.CreateOrganizationAsync(Administration, attachPdf: true, kind: OrganizationKind.Administration);
        var assignment = await site.AssignAsync(jobCentre, course.ItemId);
        var learners = new List<(string Email, int Group)>();
        for (var i = 0; i < 50; i++)
        {
            var group = i < 25 ? 0 : i < 40 ? 1 : 2; // 25 consent for the employer, 15 without any basis, 10 assigned by the job centre
            var learner = await site.CreateLearnerAsync($"Lernende {i:D2}");
            await site.AddMemberAsync(administration, learner.Id);
            await site.AddMemberAsync(group == 2 ? jobCentre : employer, learner.Id);
            if (group == 0) await site.ConsentAsync(employer, learner.Id);
            if (group == 1 && i % 3 == 0) await site.ConsentAsync(employer, learner.Id, withdrawnAt: site.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
            await site.EnrollAndCompleteAsync(learner, course, group == 2 ? assignment : null);
            learners.Add((learner.Email!, group));
        }

        // The send jobs ran while the server was down: every mail failed once and waits for its retry.
        await site.WaitForOutboxAsync(m => m.Attempts >= 1 && m.Status == OutboxStatus.Pending);
        Assert.Equal(85, await site.ReadAsync(db => db.OutboxMessages.CountAsync()));

        site.StartSmtp();
        site.Clock.Advance(Backoff.AfterAttempt(1));
        using (var scope = site.Services.CreateScope())
            Assert.Equal(85, await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));
        await site.WaitForOutboxAsync();

        var smtp = site.Smtp!;
        Assert.All(learners, l => Assert.Single(Mailbox.To(smtp, l.Email)));
        Assert.Equal(25, Mailbox.To(smtp, Employer).Count);
        Assert.Equal(10, Mailbox.To(smtp, JobCentre).Count);
        Assert.Empty(Mailbox.To(smtp, Administration));
        Assert.Equal(85, smtp.ReceivedEmailCount);

        var organizationMail = Mailbox.To(smtp, JobCentre)[0];
        Assert.Empty(organizationMail.Attachments); // the job centre did not ask for the PDF
        Assert.Contains("/verify/IQ-2026-", organizationMail.TextBody);
        var bases = await site.ReadAsync(db => db.CertificateDeliveries.Where(d => d.RecipientKind == RecipientKinds.Organization)
            .GroupBy(d => d.LawfulBasis).Select(g => new { Basis = g.Key!, Count = g.Count() }).ToDictionaryAsync(g => g.Basis, g => g.Count));
        Assert.Equal(new Dictionary<string, int> { [LawfulBasis.Consent] = 25, [LawfulBasis.Assignment] = 10 }, bases);
    }
}
