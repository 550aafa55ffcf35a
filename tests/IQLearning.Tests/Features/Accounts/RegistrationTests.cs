using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class RegistrationTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Register_sends_a_confirmation_mail_whose_link_confirms_the_account_and_then_sign_in_works()
    {
        var email = TestAccounts.Unique("anna");
        using var client = SiteClient.For(site);

        var registered = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Anna Nowak", ["Email"] = email, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/register/confirmation", registered.Headers.Location?.OriginalString);

        // Not confirmed yet: sign-in is refused with the hint to confirm first.
        var early = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("bestätigen Sie zuerst", await early.Content.ReadAsStringAsync());

        var mail = await Mailbox.WaitForAsync(site.Smtp!, email);
        Assert.Equal("Bitte bestätigen Sie Ihre E-Mail-Adresse für IQLearning", mail.Subject);
        Assert.Contains("Anna Nowak", mail.TextBody);
        var link = new Uri(Mailbox.FirstLink(mail, "/account/confirm-email"));

        var (status, page) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector(".notice-success"));

        var signedIn = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var (profileStatus, profile) = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profileStatus);
        Assert.Equal("Anna Nowak", profile.QuerySelector("input[name=DisplayName]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Registered_user_is_a_learner_and_the_mail_was_stored_in_the_outbox_with_the_user()
    {
        var email = TestAccounts.Unique("ben");
        using var client = SiteClient.For(site, "en");
        await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Ben", ["Email"] = email, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
        });

        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal("en", user.PreferredLanguage);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(user));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email);
        Assert.Equal("Please confirm your e-mail address for IQLearning", outbox.Subject);
        var received = await Mailbox.WaitForAsync(site.Smtp!, email);
        Assert.Equal($"<{outbox.MessageId}>", received.Headers["Message-Id"]);
    }

    [Fact]
    public async Task Registering_a_known_address_looks_the_same_and_mails_the_owner_instead_of_creating_an_account()
    {
        var owner = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone else", ["Email"] = owner.Email!, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
        });

        Assert.Equal("/account/register/confirmation", response.Headers.Location?.OriginalString);
        var mail = await Mailbox.WaitForAsync(site.Smtp!, owner.Email!);
        Assert.Equal("Registrierung mit Ihrer E-Mail-Adresse bei IQLearning", mail.Subject);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == owner.Email!.ToUpperInvariant()));
    }

    [Fact]
    public async Task Invalid_registration_shows_each_error_at_its_field_and_in_a_summary_and_stores_nothing()
    {
        var email = "not-an-address";
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "", ["Email"] = email, ["Password"] = "short", ["ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        foreach (var field in new[] { "DisplayName", "Email", "Password", "ConfirmPassword" })
        {
            var input = page.GetElementById(field)!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains($"{field}-error", input.GetAttribute("aria-describedby")!.Split(' '));
            Assert.False(string.IsNullOrWhiteSpace(page.GetElementById($"{field}-error")?.TextContent), $"no message for {field}");
            Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        }
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse ein", page.GetElementById("Email-error")!.TextContent);
        Assert.Equal("alert", page.QuerySelector(".error-summary")!.GetAttribute("role"));
        Assert.DoesNotContain("Exception", page.Body!.TextContent);

        using var scope = site.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_does_not_confirm()
    {
        var user = await TestAccounts.CreateAsync(site);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.EmailConfirmed = false;
            await users.UpdateAsync(stored);
        }
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync($"/account/confirm-email?userId={user.Id}&code=Zm9yZ2Vk");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector(".notice-warning"));
        using var check = site.Services.CreateScope();
        Assert.False((await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!.EmailConfirmed);
    }
}
