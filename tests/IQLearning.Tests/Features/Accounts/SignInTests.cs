using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class SignInTests(TestSite site) : IClassFixture<TestSite>
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_so_even_the_right_password_is_refused()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync("/account/login", "/account/login", Credentials(user.Email!, "wrong password " + i));
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await client.SubmitAsync("/account/login", "/account/login", Credentials(user.Email!, TestAccounts.Password));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("vorübergehend gesperrt", await locked.Content.ReadAsStringAsync());
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_address_get_the_same_answer()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        var wrong = await client.SubmitAsync("/account/login", "/account/login", Credentials(user.Email!, "not the password"));
        var unknown = await client.SubmitAsync("/account/login", "/account/login", Credentials(TestAccounts.Unique("nobody"), "not the password"));

        var wrongText = (await SiteClient.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent;
        var unknownText = (await SiteClient.ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("E-Mail-Adresse oder Passwort ist nicht korrekt", wrongText);
        Assert.Equal(wrongText, unknownText);
    }

    [Fact]
    public async Task Sign_in_redirects_only_to_local_return_urls()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/account/login?returnUrl=https://evil.example/", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user);

        await client.PostFromPageAsync("/", "/account/logout");
        var (status, _) = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/account/login", client.LastResponse!.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_rejected()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = SiteClient.For(site);

        var response = await client.PostAsync("/account/login", Credentials(user.Email!, TestAccounts.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
