using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class ChangeEmailTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_new_address_confirms_the_change_the_old_one_gets_a_notice_and_sign_in_uses_the_new_one()
    {
        var user = await TestAccounts.CreateAsync(site);
        var oldEmail = user.Email!;
        var newEmail = TestAccounts.Unique("moved");
        using var client = await TestAccounts.SignedInAsync(site, user);

        var asked = await client.SubmitAsync("/account/change-email", "/account/change-email", new Dictionary<string, string> { ["NewEmail"] = newEmail });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(oldEmail, await EmailAsync(user));

        var mail = await Mailbox.WaitForAsync(site.Smtp!, newEmail);
        Assert.Equal("Neue E-Mail-Adresse für IQLearning bestätigen", mail.Subject);
        var link = new Uri(Mailbox.FirstLink(mail, "/account/confirm-email-change"));
        // Opening the link changes nothing by itself (mail scanners follow links); the button does.
        using var other = SiteClient.For(site);
        var (shown, _) = await other.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Equal(oldEmail, await EmailAsync(user));
        var confirmed = await other.SubmitAsync(link.PathAndQuery, "/account/confirm-email-change", new Dictionary<string, string>());
        Assert.NotNull((await SiteClient.ParseAsync(confirmed)).QuerySelector(".notice-success"));

        Assert.Equal(newEmail, await EmailAsync(user));
        var notice = await Mailbox.WaitForAsync(site.Smtp!, oldEmail);
        Assert.Equal("Ihre E-Mail-Adresse bei IQLearning wurde geändert", notice.Subject);
        Assert.Contains(newEmail, notice.TextBody);
        Assert.Contains("account.email-changed", await EventsAsync(user));

        using var signIn = SiteClient.For(site);
        var withOld = await signIn.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = oldEmail, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        var withNew = await signIn.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = newEmail, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);

        // The link works once: the change renewed the security stamp the token was made with.
        var reused = await other.SubmitAsync(link.PathAndQuery, "/account/confirm-email-change", new Dictionary<string, string>());
        Assert.NotNull((await SiteClient.ParseAsync(reused)).QuerySelector(".notice-warning"));
    }

    [Fact]
    public async Task An_address_of_another_account_gets_no_mail_and_the_answer_looks_the_same()
    {
        var taken = await TestAccounts.CreateAsync(site);
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        var response = await client.SubmitAsync("/account/change-email", "/account/change-email", new Dictionary<string, string> { ["NewEmail"] = taken.Email! });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(taken.Email!, (await SiteClient.ParseAsync(response)).QuerySelector("main [role=status]")!.TextContent);
        await Task.Delay(1500);
        Assert.Empty(Mailbox.To(site.Smtp!, taken.Email!));
    }

    [Fact]
    public async Task A_tampered_link_changes_nothing()
    {
        var user = await TestAccounts.CreateAsync(site);
        var newEmail = TestAccounts.Unique("tamper");
        using var client = await TestAccounts.SignedInAsync(site, user);
        await client.SubmitAsync("/account/change-email", "/account/change-email", new Dictionary<string, string> { ["NewEmail"] = newEmail });
        var link = new Uri(Mailbox.FirstLink(await Mailbox.WaitForAsync(site.Smtp!, newEmail), "/account/confirm-email-change"));

        var attacker = TestAccounts.Unique("attacker");
        var response = await client.SubmitAsync(link.PathAndQuery, "/account/confirm-email-change", new Dictionary<string, string> { ["Email"] = attacker });

        Assert.NotNull((await SiteClient.ParseAsync(response)).QuerySelector(".notice-warning"));
        Assert.Equal(user.Email, await EmailAsync(user));
    }

    private async Task<string?> EmailAsync(ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!.Email;
    }

    private async Task<List<string>> EventsAsync(ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents
            .Where(e => e.Subject == $"user:{user.Id}").Select(e => e.Action).ToListAsync();
    }
}
