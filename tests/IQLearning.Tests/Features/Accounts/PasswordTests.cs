using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class PasswordTests(TestSite site) : IClassFixture<TestSite>
{
    private const string NewPassword = "ein ganz neues Passwort 2027";

    [Fact]
    public async Task Forgotten_password_mail_link_sets_a_new_password()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        var asked = await client.SubmitAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var mail = await Mailbox.WaitForAsync(site.Smtp!, user.Email!);
        Assert.Equal("Passwort für IQLearning zurücksetzen", mail.Subject);
        var link = new Uri(Mailbox.FirstLink(mail, "/account/reset-password"));
        var reset = await client.SubmitAsync(link.PathAndQuery, "/account/reset-password",
            new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Ihr Passwort ist geändert", await reset.Content.ReadAsStringAsync());

        var signIn = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Forgotten_password_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var email = TestAccounts.Unique("ghost");
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wenn zu dieser Adresse ein bestätigtes Konto gehört", await response.Content.ReadAsStringAsync());
        await Task.Delay(1500);
        Assert.Empty(Mailbox.To(site.Smtp!, email));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_this_session()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        var wrong = await client.SubmitAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        var wrongPage = await SiteClient.ParseAsync(wrong);
        Assert.Equal("true", wrongPage.GetElementById("CurrentPassword")!.GetAttribute("aria-invalid"));

        var changed = await client.SubmitAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestAccounts.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (status, _) = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, status);

        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id))!, NewPassword));
    }

    [Fact]
    public async Task Profile_changes_the_display_name_used_on_certificates()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        var saved = await client.SubmitAsync("/account/profile", "/account/profile",
            new Dictionary<string, string> { ["DisplayName"] = "Dr. Ayşe Demir", ["PreferredLanguage"] = "en" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await client.GetAsync("/account/profile");
        Assert.Equal("Dr. Ayşe Demir", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Contains("Dr. Ayşe Demir", page.QuerySelector(".account-link")!.TextContent);
    }
}
