using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

[Collection(SiteCollection.Name)]
public sealed class MembershipTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    [Fact]
    public async Task An_invited_person_receives_the_link_signs_in_with_that_address_and_becomes_a_manager_with_the_assignments()
    {
        var org = await site.CreateOrganizationAsync("Einladung GmbH " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Ina Invite");
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[0], site.Today.AddDays(40));
        var invitee = await TestAccounts.CreateAsync(site, Roles.Learner);
        var stranger = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var managerClient = await TestAccounts.SignedInAsync(site, manager);

        var sent = await managerClient.SubmitAsync($"/organizations/{org}/members", $"/organizations/{org}/invitations",
            new Dictionary<string, string> { ["Invitation.Email"] = invitee.Email!, ["Invitation.Name"] = "Nina Neu", ["Invitation.Role"] = "Manager" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = await Mailbox.WaitForAsync(site.Smtp!, invitee.Email!);
        var link = Mailbox.FirstLink(mail, "/invitations/");
        Assert.StartsWith("https://lernen.example.test/invitations/", link);
        var path = new Uri(link).AbsolutePath;
        await site.WithDbAsync(async db => Assert.DoesNotContain(path.Split('/').Last(), await db.Invitations.Select(i => i.TokenHash).ToListAsync()));

        using var anonymous = SiteClient.For(site);
        var (status, page) = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector($"a[href='/account/login?returnUrl={Uri.EscapeDataString(path)}']"));

        using var wrong = await TestAccounts.SignedInAsync(site, stranger);
        var refused = await wrong.PostFromPageAsync("/", path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await site.WithDbAsync(async db => Assert.False(await db.OrganizationMembers.AnyAsync(m => m.UserId == stranger.Id)));

        using var inviteeClient = await TestAccounts.SignedInAsync(site, invitee);
        var accepted = await inviteeClient.SubmitAsync(path, path, new Dictionary<string, string>());
        Assert.Equal("/organizations", accepted.Headers.Location!.OriginalString);
        await site.WithDbAsync(async db =>
        {
            var member = await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == org && m.UserId == invitee.Id);
            Assert.Equal(MemberRole.Manager, member.Role);
            var enrollment = await db.Enrollments.SingleAsync(e => e.UserId == invitee.Id && e.CourseItemId == courses[0]);
            Assert.Equal(EnrollmentSource.Assignment, enrollment.Source);
        });
        // The refreshed cookie carries the Manager role at once: a manager without a second factor is sent to set one up.
        var dashboard = await inviteeClient.Http.GetAsync($"/organizations/{org}");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/account/two-factor", dashboard.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(path)).Status);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused()
    {
        var org = await site.CreateOrganizationAsync("Abgelaufen AG " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager);
        var invitee = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var managerClient = await TestAccounts.SignedInAsync(site, manager);
        await managerClient.SubmitAsync($"/organizations/{org}/members", $"/organizations/{org}/invitations",
            new Dictionary<string, string> { ["Invitation.Email"] = invitee.Email!, ["Invitation.Role"] = "Member" });
        var path = new Uri(Mailbox.FirstLink(await Mailbox.WaitForAsync(site.Smtp!, invitee.Email!), "/invitations/")).AbsolutePath;
        site.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        using var inviteeClient = await TestAccounts.SignedInAsync(site, invitee);
        var (shown, page) = await inviteeClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, shown);
        Assert.DoesNotContain(page.Forms, f => f.GetAttribute("action") == path);

        var response = await inviteeClient.PostFromPageAsync("/", path);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("abgelaufen", await response.Content.ReadAsStringAsync());
        await site.WithDbAsync(async db => Assert.False(await db.OrganizationMembers.AnyAsync(m => m.UserId == invitee.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.GetAsync("/invitations/not-a-token")).Status);
    }

    [Fact]
    public async Task A_csv_import_with_bad_rows_stores_nothing_and_names_every_bad_row()
    {
        var org = await site.CreateOrganizationAsync("Import KG " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager);
        var existing = await TestAccounts.CreateAsync(site, Roles.Learner);
        using var client = await TestAccounts.SignedInAsync(site, manager);
        var csv = string.Join("\n", "email,name,role", $"{existing.Email},Eva Existing,member", "new@example.org,Neu,member",
            "kaputt,Kaputt,member", "new@example.org,Doppelt,member", "x@example.org,=SUM(1),member", "y@example.org,Yvo,chef", "z@example.org,Zu kurz");

        var response = await client.SubmitAsync($"/organizations/{org}/members", $"/organizations/{org}/members/import", new Dictionary<string, string> { ["csv"] = csv });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        var problems = page.QuerySelectorAll(".import-report tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Equal(["4", "5", "6", "7", "8"], problems.Select(p => p.Item1));
        Assert.Contains("Zeile 3", problems[1].Item2);
        Assert.Contains("Formel", problems[2].Item2);
        Assert.Contains("Rolle", problems[3].Item2);
        Assert.Contains("Spalten", problems[4].Item2);
        await site.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.OrganizationMembers.CountAsync(m => m.OrganizationId == org));
            Assert.False(await db.Invitations.AnyAsync(i => i.OrganizationId == org));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ToAddress == "new@example.org"));
        });
    }

    [Fact]
    public async Task A_good_csv_import_adds_existing_accounts_and_invites_the_others()
    {
        var org = await site.CreateOrganizationAsync("Import gut " + Guid.NewGuid());
        var manager = await site.MemberAsync(org, MemberRole.Manager);
        var existing = await TestAccounts.CreateAsync(site, Roles.Learner);
        var unknown = TestAccounts.Unique("unknown");
        using var client = await TestAccounts.SignedInAsync(site, manager);

        var response = await client.SubmitAsync($"/organizations/{org}/members", $"/organizations/{org}/members/import",
            new Dictionary<string, string> { ["csv"] = $"email;name;role\n{existing.Email};Eva;manager\n{unknown};Uwe;member\n" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.WithDbAsync(async db =>
        {
            Assert.Equal(MemberRole.Manager, (await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == org && m.UserId == existing.Id)).Role);
            Assert.True(await db.Invitations.AnyAsync(i => i.OrganizationId == org && i.Email == unknown));
        });
        Assert.Contains("/invitations/", (await Mailbox.WaitForAsync(site.Smtp!, unknown)).TextBody);
    }
}
