using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Dashboard;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>Reminders before a certificate expires (60 and 14 days by default) and the re-enrolment that lets a learner recertify in time.</summary>
[Collection(SiteCollection.Name)]
public sealed class ExpiryReminderTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    [Fact]
    public async Task Learner_and_manager_hear_60_and_14_days_before_expiry_once_each_and_a_recurring_assignment_re_enrols_at_the_first()
    {
        var org = await site.CreateOrganizationAsync("Ablauf GmbH " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Mia Manager");
        var learner = await site.MemberAsync(org, MemberRole.Member, "Lena Lernt");
        var course = (await site.PublishedCourseIdsAsync())[0];
        await site.AssignAsync(org, course, site.Today.AddDays(20), mandatory: true, recurrenceMonths: 24, userIds: [learner.Id]);
        var expiresAt = site.Clock.GetUtcNow().UtcDateTime.AddDays(70);
        var enrollmentId = await site.CompleteWithCertificateAsync(learner.Id, course, expiresAt.AddYears(-2), expiresAt);

        await site.RunReminderJobAsync();
        Assert.Empty(await ExpiryMailsAsync(learner.Email!));
        Assert.Equal(EnrollmentStatus.Completed, (await EnrollmentAsync(enrollmentId)).Status);

        site.Clock.Advance(TimeSpan.FromDays(10)); // 60 days left
        await site.RunReminderJobAsync();
        await site.RunReminderJobAsync();
        var first = Assert.Single(await ExpiryMailsAsync(learner.Email!));
        Assert.Contains("wieder eingeschrieben", first.TextBody);
        Assert.Contains(expiresAt.ToString("dd.MM.yyyy"), first.TextBody);
        Assert.DoesNotContain("/account/notifications", first.TextBody); // mandatory: cannot be turned off
        var toManager = Assert.Single(await ManagerExpiryMailsAsync(manager.Email!));
        Assert.Contains("Lena Lernt", toManager.TextBody);
        var enrollment = await EnrollmentAsync(enrollmentId);
        Assert.Equal(EnrollmentStatus.Active, enrollment.Status);
        Assert.Equal(expiresAt.Date, enrollment.DueAt);

        site.Clock.Advance(TimeSpan.FromDays(46)); // 14 days left
        await site.RunReminderJobAsync();
        await site.RunReminderJobAsync();
        Assert.Equal(2, (await ExpiryMailsAsync(learner.Email!)).Count);
        Assert.Equal(2, (await ManagerExpiryMailsAsync(manager.Email!)).Count);
        await site.WithDbAsync(async db => Assert.Equal([14, 60],
            await db.CertificateExpiryReminders.Where(r => db.Certificates.Any(c => c.Id == r.CertificateId && c.EnrollmentId == enrollmentId)).Select(r => r.DaysBefore).OrderBy(d => d).ToListAsync()));

        // The expiry passes without a new completion: the re-enrolment already is the new cycle, so nothing restarts it.
        site.Clock.Advance(TimeSpan.FromDays(15));
        await site.RunReminderJobAsync();
        Assert.DoesNotContain(await site.MailsToAsync(learner.Email!), m => m.Subject.Contains("Auffrischung"));
        Assert.Equal(expiresAt.Date, (await EnrollmentAsync(enrollmentId)).DueAt);
        await site.WithDbAsync(async db => Assert.False(await db.ReminderLog.AnyAsync(r => r.EnrollmentId == enrollmentId && r.Kind == ReminderKinds.Expiry)));
        Assert.Contains("Lena Lernt", Assert.Single(await site.MailsToAsync(manager.Email!), m => m.Subject.Contains("überfällige")).TextBody);
    }

    [Fact]
    public async Task A_learner_who_recertifies_before_expiry_stays_completed_when_the_old_certificate_expires()
    {
        var org = await site.CreateOrganizationAsync("Rezert AG " + Guid.NewGuid());
        var learner = await site.MemberAsync(org, MemberRole.Member, "Rolf Rezert");
        var course = (await site.PublishedCourseIdsAsync())[1];
        await site.AssignAsync(org, course, site.Today.AddDays(20), mandatory: true, recurrenceMonths: 24, userIds: [learner.Id]);
        var expiresAt = site.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        var enrollmentId = await site.CompleteWithCertificateAsync(learner.Id, course, expiresAt.AddYears(-2), expiresAt);
        await site.RunReminderJobAsync();
        Assert.Equal(EnrollmentStatus.Active, (await EnrollmentAsync(enrollmentId)).Status);

        site.Clock.Advance(TimeSpan.FromDays(5));
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.CompleteWithCertificateAsync(learner.Id, course, now, now.AddYears(2));
        site.Clock.Advance(TimeSpan.FromDays(30)); // the old certificate has expired
        await site.RunReminderJobAsync();

        var enrollment = await EnrollmentAsync(enrollmentId);
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.DoesNotContain(await site.MailsToAsync(learner.Email!), m => m.Subject.Contains("Auffrischung"));
        var status = await site.WithScopeAsync(sp => EnrollmentFacts.OfOrganization(sp.GetRequiredService<AppDbContext>(), org, site.Clock.GetUtcNow().UtcDateTime)
            .Where(f => f.EnrollmentId == enrollmentId).Select(f => f.Status).SingleAsync());
        Assert.Equal(ProgressStatus.Completed, status);
    }

    [Fact]
    public async Task A_learner_without_an_organization_is_reminded_and_can_turn_off_reminders_of_optional_courses()
    {
        var course = (await site.PublishedCourseIdsAsync())[2];
        var keeps = await TestAccounts.CreateAsync(site);
        var turnsOff = await TestAccounts.CreateAsync(site);
        using (var client = await TestAccounts.SignedInAsync(site, turnsOff))
        {
            var saved = await client.SubmitAsync("/account/notifications", "/account/notifications", new Dictionary<string, string>
            {
                ["Form.OptionalAssignmentReminders"] = "true", ["Form.OptionalExpiryReminders"] = "false",
            });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.CompleteWithCertificateAsync(keeps.Id, course, now.AddYears(-2), now.AddDays(20));
        await site.CompleteWithCertificateAsync(turnsOff.Id, course, now.AddYears(-2), now.AddDays(20));

        await site.RunReminderJobAsync();

        var mail = Assert.Single(await ExpiryMailsAsync(keeps.Email!));
        Assert.DoesNotContain("wieder eingeschrieben", mail.TextBody);
        Assert.Contains("https://lernen.example.test/account/notifications", mail.TextBody);
        Assert.Empty(await ExpiryMailsAsync(turnsOff.Email!));
    }

    [Fact]
    public async Task An_aggregate_only_organization_hears_of_expiring_certificates_as_counts_without_names()
    {
        var org = await site.CreateOrganizationAsync("Personalrat Amt " + Guid.NewGuid(), OrganizationKind.Administration, aggregateOnly: true);
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Anja Amt");
        var learner = await site.MemberAsync(org, MemberRole.Member, "Geheim Gerda");
        var course = (await site.PublishedCourseIdsAsync())[3];
        await site.AssignAsync(org, course, site.Today.AddDays(20), mandatory: true, userIds: [learner.Id]);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.CompleteWithCertificateAsync(learner.Id, course, now.AddYears(-2), now.AddDays(10));

        await site.RunReminderJobAsync();

        var toManager = Assert.Single(await ManagerExpiryMailsAsync(manager.Email!));
        Assert.DoesNotContain("Geheim", toManager.TextBody);
        Assert.Contains($"Kurs {course}: ablaufende Zertifikate – 1", toManager.TextBody);
        Assert.Single(await ExpiryMailsAsync(learner.Email!));
    }

    private async Task<List<(string Subject, string TextBody)>> ExpiryMailsAsync(string address) =>
        (await site.MailsToAsync(address)).Where(m => m.Subject.Contains("läuft bald ab")).ToList();

    private async Task<List<(string Subject, string TextBody)>> ManagerExpiryMailsAsync(string address) =>
        (await site.MailsToAsync(address)).Where(m => m.Subject.Contains("Zertifikate laufen bald ab")).ToList();

    private Task<Enrollment> EnrollmentAsync(int id) => site.EnrollmentAsync(id);
}
