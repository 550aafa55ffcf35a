using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

[Collection(SiteCollection.Name)]
public sealed class ReminderTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    [Fact]
    public async Task Reminders_go_out_a_week_before_and_on_the_due_day_then_managers_hear_of_the_overdue_once()
    {
        var org = await site.CreateOrganizationAsync("Reminder GmbH " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Mia Manager");
        var learner = await site.MemberAsync(org, MemberRole.Member, "Lars Lernt");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[0], site.Today.AddDays(10), mandatory: true);

        await RunJobAsync();
        Assert.Empty(await MailsToAsync(learner.Email!));

        site.Clock.Advance(TimeSpan.FromDays(3)); // due in 7 days
        await RunJobAsync();
        await RunJobAsync();
        var before = Assert.Single(await MailsToAsync(learner.Email!));
        Assert.Contains("bald fällig", before.Subject);
        Assert.DoesNotContain("/reminders/opt-out", before.TextBody); // mandatory: no way to turn it off

        site.Clock.Advance(TimeSpan.FromDays(7)); // the due day
        await RunJobAsync();
        var mails = await MailsToAsync(learner.Email!);
        Assert.Equal(2, mails.Count);
        Assert.Contains("Heute fällig", mails[1].Subject);
        Assert.Empty(await EscalationsToAsync(manager.Email!));

        site.Clock.Advance(TimeSpan.FromDays(1)); // overdue
        await RunJobAsync();
        await RunJobAsync();
        var escalation = Assert.Single(await EscalationsToAsync(manager.Email!));
        Assert.Contains("überfällig", escalation.Subject);
        Assert.Contains("Lars Lernt", escalation.TextBody);
        Assert.Equal(2, (await MailsToAsync(learner.Email!)).Count);

        site.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        Assert.Single(await EscalationsToAsync(manager.Email!));
        Assert.Equal(2, (await MailsToAsync(learner.Email!)).Count);
    }

    [Fact]
    public async Task An_aggregate_only_organization_hears_of_overdue_learners_as_counts()
    {
        var org = await site.CreateOrganizationAsync("Amt " + Guid.NewGuid(), OrganizationKind.Administration, aggregateOnly: true);
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Anna Amt");
        await site.MemberAsync(org, MemberRole.Member, "Geheim Name");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[1], site.Today, mandatory: true);

        site.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();

        var escalation = Assert.Single(await EscalationsToAsync(manager.Email!));
        Assert.DoesNotContain("Geheim", escalation.TextBody);
        Assert.Contains(": 2 überfällig", escalation.TextBody); // the manager is a member too
    }

    [Fact]
    public async Task A_learner_can_turn_off_reminders_of_an_optional_course_but_not_of_a_mandatory_one()
    {
        var org = await site.CreateOrganizationAsync("Optional e.V. " + Guid.NewGuid());
        var learner = await site.MemberAsync(org, MemberRole.Member, "Olli Optional");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[2], site.Today.AddDays(3), mandatory: false);
        await RunJobAsync();
        var before = Assert.Single(await MailsToAsync(learner.Email!));
        var link = Mailbox.FirstLink(new MimeKit.MimeMessage { Body = new MimeKit.TextPart("plain") { Text = before.TextBody } }, "/reminders/opt-out");

        using var client = SiteClient.For(site);
        var path = new Uri(link).PathAndQuery;
        var token = Uri.UnescapeDataString(path[(path.IndexOf("token=") + 6)..]);
        var response = await client.SubmitAsync(path, "/reminders/opt-out", new Dictionary<string, string> { ["token"] = token });
        Assert.Contains("keine Erinnerungen mehr", await response.Content.ReadAsStringAsync());

        site.Clock.Advance(TimeSpan.FromDays(3));
        await RunJobAsync();
        Assert.Single(await MailsToAsync(learner.Email!));
        Assert.Equal(404, (int)(await client.Http.GetAsync("/reminders/opt-out?token=forged")).StatusCode);
    }

    [Fact]
    public async Task When_the_certificate_of_a_recurring_assignment_expired_unnoticed_a_new_cycle_starts_once_after_expiry()
    {
        var org = await site.CreateOrganizationAsync("Wiederholung AG " + Guid.NewGuid());
        var learner = await site.MemberAsync(org, MemberRole.Member, "Rita Recert");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[3], site.Today.AddDays(20), mandatory: true, recurrenceMonths: 24);
        var expiresAt = site.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var enrollmentId = await site.CompleteWithCertificateAsync(learner.Id, courses[3], expiresAt.AddYears(-2), expiresAt);

        // No run while it was about to expire (so no reminder re-enrolled the learner in time): the job sees it expired.
        Assert.Equal(EnrollmentStatus.Completed, (await EnrollmentAsync(enrollmentId)).Status);
        site.Clock.Advance(TimeSpan.FromDays(2));
        await RunJobAsync();
        await RunJobAsync();

        var enrollment = await EnrollmentAsync(enrollmentId);
        Assert.Equal(EnrollmentStatus.Active, enrollment.Status);
        Assert.Null(enrollment.CompletedAt);
        Assert.Equal(expiresAt.Date.AddDays(30), enrollment.DueAt);
        var mail = Assert.Single(await MailsToAsync(learner.Email!));
        Assert.Contains("Auffrischung", mail.Subject);
        await site.WithDbAsync(async db => Assert.Equal(1, await db.ReminderLog.CountAsync(r => r.EnrollmentId == enrollmentId && r.Kind == ReminderKinds.Expiry)));
    }

    private Task RunJobAsync() => site.RunReminderJobAsync();

    private Task<List<(string Subject, string TextBody)>> MailsToAsync(string address) => site.MailsToAsync(address);

    private async Task<List<(string Subject, string TextBody)>> EscalationsToAsync(string address) =>
        (await MailsToAsync(address)).Where(m => m.Subject.Contains("überfällige Schulungen")).ToList();

    private Task<Enrollment> EnrollmentAsync(int id) => site.EnrollmentAsync(id);
}
