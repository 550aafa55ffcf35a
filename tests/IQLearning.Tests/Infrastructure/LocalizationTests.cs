using System.Net;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Infrastructure;

[Collection(SiteCollection.Name)]
public sealed class LocalizationTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task German_is_the_default()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Zum Inhalt springen", html);
    }

    [Fact]
    public async Task Accept_language_english_gives_english()
    {
        using var client = SiteClient.For(site, "en-GB");
        var (_, page) = await client.GetAsync("/account/login");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_language_switch_stores_the_choice_in_a_cookie_and_returns_to_the_page()
    {
        using var client = SiteClient.For(site, "de");
        var response = await client.PostFromPageAsync("/account/login", "/culture",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/account/login" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var (_, page) = await client.GetAsync("/account/login");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_switch_refuses_unknown_languages_and_foreign_return_urls()
    {
        using var client = SiteClient.For(site);
        var unknown = await client.PostFromPageAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var foreign = await client.PostFromPageAsync("/", "/culture",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/", "Lernen für faire Arbeitswelten")]
    [InlineData("/impressum", "Impressum")]
    [InlineData("/datenschutz", "Datenschutzerklärung")]
    [InlineData("/barrierefreiheit", "Erklärung zur Barrierefreiheit")]
    [InlineData("/leichte-sprache", "Leichte Sprache")]
    public async Task Public_pages_answer_with_their_heading(string url, string heading)
    {
        using var client = SiteClient.For(site);
        var (status, page) = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
        foreach (var footer in new[] { "/impressum", "/datenschutz", "/barrierefreiheit" })
            Assert.NotNull(page.QuerySelector($"footer a[href='{footer}']"));
    }

    [Theory]
    [InlineData("/impressum", "Imprint")]
    [InlineData("/datenschutz", "Privacy notice")]
    [InlineData("/barrierefreiheit", "Accessibility statement")]
    [InlineData("/leichte-sprache", "Plain language")]
    public async Task Long_page_texts_come_in_the_request_language(string url, string heading)
    {
        using var german = SiteClient.For(site, "de");
        using var english = SiteClient.For(site, "en");
        var (_, de) = await german.GetAsync(url);
        var (_, en) = await english.GetAsync(url);

        Assert.Equal(heading, en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        // The body is the English view, not the German one under an English heading.
        Assert.NotEqual(de.QuerySelector("main")!.TextContent.Replace(de.QuerySelector("h1")!.TextContent, ""),
                        en.QuerySelector("main")!.TextContent.Replace(en.QuerySelector("h1")!.TextContent, ""));
        Assert.DoesNotContain(" und ", en.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Unknown_pages_get_a_localized_404_page()
    {
        using var client = SiteClient.For(site, "en");
        var (status, page) = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }
}
