using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts.Passwords;

namespace IQLearning.Tests.Features.Accounts;

[Collection(SiteCollection.Name)]
public sealed class PasswordPolicyTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> RegisterAsync(string displayName, string email, string password)
    {
        using var client = SiteClient.For(site);
        var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = displayName, ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteClient.ParseAsync(response);
    }

    // All at least 12 characters, so only the list can refuse them: classics, a keyboard walk, German favourites,
    // a repeated word, and generated variants (word + year + "!", upper case of a list entry).
    [Theory]
    [InlineData("password1234")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("ichliebedich")]
    [InlineData("123456789012")]
    [InlineData("hallohallohallo")]
    [InlineData("qwertzuiopü123")]
    [InlineData("Fussball2024!")]
    [InlineData("PASSWORT12345")]
    public async Task A_common_password_is_refused_at_registration_with_a_message_at_the_field(string password)
    {
        var page = await RegisterAsync("Mira Beispiel", TestAccounts.Unique("mira"), password);

        Assert.Equal("true", page.GetElementById("Password")!.GetAttribute("aria-invalid"));
        Assert.Contains("zu verbreitet", page.QuerySelector("#Password-error")!.TextContent);
    }

    [Theory]
    [InlineData("Mira Beispiel", "lernen-mit-beispiel-2026", "anna")]
    [InlineData("Mira Beispiel", "mira und die lange reise", "anna")]
    [InlineData("Ola Nowak", "ein langes passwort für kasimir", "kasimir.k")]
    public async Task A_password_with_the_own_name_or_mail_name_is_refused(string displayName, string password, string emailName)
    {
        var page = await RegisterAsync(displayName, $"{emailName}@{Guid.NewGuid():N}.example.org", password);

        Assert.Equal("true", page.GetElementById("Password")!.GetAttribute("aria-invalid"));
        Assert.Contains("Namen", page.QuerySelector("#Password-error")!.TextContent);
    }

    [Fact]
    public async Task A_long_uncommon_passphrase_of_more_than_128_characters_is_accepted()
    {
        using var client = SiteClient.For(site);
        var password = "Wolken über dem Hafen " + Guid.NewGuid().ToString("N")[..4] + new string('x', 110);
        var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Mira Beispiel", ["Email"] = TestAccounts.Unique("mira"), ["Password"] = password, ["ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public void The_bundled_list_holds_more_than_ten_thousand_entries_with_the_classics()
    {
        Assert.True(CommonPasswordValidator.Count >= 10_000, $"{CommonPasswordValidator.Count} entries");
        foreach (var classic in new[] { "123456", "password", "qwerty", "iloveyou", "passwort", "hallo123", "schalke04", "Dragon", "trustno1", "1q2w3e4r" })
            Assert.True(CommonPasswordValidator.IsCommon(classic), classic);
        Assert.False(CommonPasswordValidator.IsCommon(TestAccounts.Password));
    }
}
