using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Issuing;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class DeliverySite() : CertificateSite;

[Collection(SiteCollection.Name)]
public sealed class DeliveryLogTests(DeliverySite site) : IClassFixture<DeliverySite>
{
    [Fact]
    public async Task Withdrawn_consent_sends_nothing_to_the_organization()
    {
        var recipient = TestAccounts.Unique("hr-withdrawn");
        var organization = await site.CreateOrganizationAsync(recipient);
        var learner = await site.CreateLearnerAsync("Willi Withdrawn");
        await site.AddMemberAsync(organization, learner.Id);
        await site.ConsentAsync(organization, learner.Id, withdrawnAt: site.Clock.GetUtcNow().UtcDateTime.AddHours(-1));

        var certificate = await site.EnrollAndCompleteAsync(learner, await site.CreateCourseAsync());

        await Mailbox.WaitForAsync(site.Smtp!, learner.Email!);
        await site.WaitForOutboxAsync();
        Assert.Empty(Mailbox.To(site.Smtp!, recipient));
        Assert.False(await site.ReadAsync(db => db.CertificateDeliveries.AnyAsync(d => d.CertificateId == certificate.Id && d.RecipientKind == RecipientKinds.Organization)));
    }

    [Fact]
    public async Task The_delivery_log_shows_the_outbox_state_and_send_again_delivers_the_same_message_again()
    {
        var recipient = TestAccounts.Unique("hr-consent");
        var organization = await site.CreateOrganizationAsync(recipient, attachPdf: true);
        var learner = await site.CreateLearnerAsync("Carla Consent");
        await site.AddMemberAsync(organization, learner.Id);
        await site.ConsentAsync(organization, learner.Id);
        var certificate = await site.EnrollAndCompleteAsync(learner, await site.CreateCourseAsync());
        var first = await Mailbox.WaitForAsync(site.Smtp!, recipient);
        await site.WaitForOutboxAsync();
        using var admin = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Arne Admin", role: Roles.Administrator));

        var (status, page) = await admin.GetAsync("/admin/certificates/deliveries");
        var row = page.QuerySelectorAll("tr[data-delivery]").Single(r => r.TextContent.Contains(recipient));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(first.MessageId!, row.TextContent);
        Assert.Single(first.Attachments); // this organization asked for the PDF

        var deliveryId = row.GetAttribute("data-delivery")!;
        var response = await admin.SubmitAsync("/admin/certificates/deliveries", $"/admin/certificates/deliveries/{deliveryId}/resend", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await Mailbox.WaitForAsync(site.Smtp!, recipient, count: 2);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(certificate.Number, (await site.ReadAsync(db => db.Certificates.SingleAsync(c => c.Id == certificate.Id))).Number);
    }

    [Fact]
    public async Task Send_again_is_refused_for_an_organization_once_the_consent_is_withdrawn()
    {
        var recipient = TestAccounts.Unique("hr-later-withdrawn");
        var organization = await site.CreateOrganizationAsync(recipient);
        var learner = await site.CreateLearnerAsync("Walter Later");
        await site.AddMemberAsync(organization, learner.Id);
        await site.ConsentAsync(organization, learner.Id);
        var certificate = await site.EnrollAndCompleteAsync(learner, await site.CreateCourseAsync());
        await Mailbox.WaitForAsync(site.Smtp!, recipient);
        await site.WaitForOutboxAsync();
        await site.WriteAsync(db => db.CertificateConsents.Single(c => c.UserId == learner.Id).WithdrawnAt = site.Clock.GetUtcNow().UtcDateTime);
        var deliveryId = await site.ReadAsync(db => db.CertificateDeliveries.Where(d => d.CertificateId == certificate.Id && d.Address == recipient)
            .Select(d => d.Id).SingleAsync());
        using var admin = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Anke Admin", role: Roles.Administrator));

        await admin.SubmitAsync("/admin/certificates/deliveries", $"/admin/certificates/deliveries/{deliveryId}/resend", new Dictionary<string, string>());
        var learnerDeliveryId = await site.ReadAsync(db => db.CertificateDeliveries.Where(d => d.CertificateId == certificate.Id && d.RecipientKind == RecipientKinds.Learner)
            .Select(d => d.Id).SingleAsync());
        await admin.SubmitAsync("/admin/certificates/deliveries", $"/admin/certificates/deliveries/{learnerDeliveryId}/resend", new Dictionary<string, string>());

        await Mailbox.WaitForAsync(site.Smtp!, learner.Email!, count: 2); // the learner's own copy may always be sent again
        Assert.Single(Mailbox.To(site.Smtp!, recipient));
    }
}
