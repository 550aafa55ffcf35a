using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>Each user turns off what is not legally required; reminders and escalations of mandatory training stay.</summary>
[Collection(SiteCollection.Name)]
public sealed class NotificationSettingsTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    [Fact]
    public async Task A_learner_who_turned_off_optional_reminders_still_gets_those_of_mandatory_training()
    {
        var org = await site.CreateOrganizationAsync("Einstellung GmbH " + Guid.NewGuid());
        var learner = await site.MemberAsync(org, MemberRole.Member, "Petra Pflicht");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[0], site.Today.AddDays(3), mandatory: false);
        await site.AssignAsync(org, courses[1], site.Today.AddDays(3), mandatory: true);
        using var client = await TestAccounts.SignedInAsync(site, learner);

        var (_, page) = await client.GetAsync("/account/notifications");
        Assert.Contains("nicht abschalten", page.QuerySelector("#required-notice")!.TextContent);
        Assert.Null(page.QuerySelector("#Form_ManagerDigest")); // a learner has no manager settings
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, optionalAssignments: false)).StatusCode);
        await site.RunReminderJobAsync();

        var reminder = Assert.Single(await site.MailsToAsync(learner.Email!), m => m.Subject.Contains("bald fällig"));
        Assert.Contains(await TitleAsync(courses[1]), reminder.Subject);
        (_, page) = await client.GetAsync("/account/notifications");
        Assert.Null(page.QuerySelector("#Form_OptionalAssignmentReminders")!.GetAttribute("checked"));
        Assert.NotNull(page.QuerySelector("#Form_OptionalExpiryReminders")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task A_manager_can_turn_off_the_digest_and_optional_escalations_but_keeps_mandatory_escalations()
    {
        var org = await site.CreateOrganizationAsync("Digest AG " + Guid.NewGuid());
        var quiet = await site.MemberAsync(org, MemberRole.Manager, "Quentin Quiet");
        var keen = await site.MemberAsync(org, MemberRole.Manager, "Karla Keen");
        var learner = await site.MemberAsync(org, MemberRole.Member, "Otto Overdue");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[2], site.Today, mandatory: false, userIds: [learner.Id]);
        await site.AssignAsync(org, courses[3], site.Today, mandatory: true, userIds: [learner.Id]);
        using (var client = await TestAccounts.SignedInAsync(site, quiet))
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, digest: false, optionalEscalations: false)).StatusCode);

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunReminderJobAsync();
        await site.WithScopeAsync(sp => sp.GetRequiredService<ManagerDigest>().RunAsync(CancellationToken.None));

        var (optional, mandatory) = (await TitleAsync(courses[2]), await TitleAsync(courses[3]));
        var toQuiet = Assert.Single(await site.MailsToAsync(quiet.Email!), m => m.Subject.Contains("überfällige"));
        Assert.Contains(mandatory, toQuiet.TextBody);
        Assert.DoesNotContain(optional, toQuiet.TextBody);
        var toKeen = Assert.Single(await site.MailsToAsync(keen.Email!), m => m.Subject.Contains("überfällige"));
        Assert.Contains($"{optional} (freiwillig)", toKeen.TextBody);
        Assert.Contains(mandatory, toKeen.TextBody);
        Assert.DoesNotContain(await site.MailsToAsync(quiet.Email!), m => m.Subject.Contains("Wochenübersicht"));
        Assert.Single(await site.MailsToAsync(keen.Email!), m => m.Subject.Contains("Wochenübersicht"));
    }

    [Fact]
    public async Task The_settings_page_needs_a_signed_in_user()
    {
        using var client = SiteClient.For(site);
        var response = await client.Http.GetAsync("/account/notifications");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    private static Task<HttpResponseMessage> SaveAsync(SiteClient client, bool optionalAssignments = true, bool optionalExpiry = true,
        bool digest = true, bool optionalEscalations = true) =>
        client.SubmitAsync("/account/notifications", "/account/notifications", new Dictionary<string, string>
        {
            ["Form.OptionalAssignmentReminders"] = optionalAssignments.ToString(), ["Form.OptionalExpiryReminders"] = optionalExpiry.ToString(),
            ["Form.ManagerDigest"] = digest.ToString(), ["Form.OptionalEscalations"] = optionalEscalations.ToString(),
        });

    private Task<string> TitleAsync(int courseId) =>
        site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return db.ContentItems.Where(c => c.Id == courseId).Join(db.ContentVersions, c => c.PublishedVersionId, v => v.Id, (c, v) => v.Title).SingleAsync();
        });
}
