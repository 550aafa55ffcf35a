using System.Net;
using IQLearning.Tests.Features.Privacy;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>
/// Hostile input through every public or learner text field: script payloads come back as text, SQL metacharacters
/// are just characters, and traversal in file names and ids finds nothing.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class BadInputTests(CurriculumSite site) : IClassFixture<CurriculumSite>
{
    private static readonly IReadOnlyList<string> Payloads = PageSafety.Corpus();

    [Fact]
    public void The_page_check_catches_what_it_looks_for()
    {
        // Without this, a broken check would let every payload pass.
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var html in new[] { "<script>x</script>", "<img src=x onerror=y>", "<a href=\"java\tscript:x\">x</a>", "<iframe></iframe>", "<script src=//evil.example/x.js></script>", "<meta http-equiv=refresh content=\"0;url=javascript:x\">" })
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PageSafety.AssertNoExecutableMarkup(parser.ParseDocument(html), html));
        Assert.True(Payloads.Count >= 50);
    }

    [Fact]
    public async Task Registration_display_names_are_stored_as_given_and_answered_without_markup()
    {
        using var client = SiteClient.For(site);
        foreach (var payload in Payloads)
        {
            var email = TestAccounts.Unique("xss");
            var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
            {
                ["DisplayName"] = payload, ["Email"] = email, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
            });
            if (response.StatusCode == HttpStatusCode.OK) // refused (too long): the form comes back with the value in it
                PageSafety.AssertNoExecutableMarkup(await SiteClient.ParseAsync(response), payload);
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var stored = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());
                Assert.Equal(payload.Trim(), stored);
            }
        }
    }

    [Fact]
    public async Task Profile_names_show_as_text_on_the_profile_in_the_header_and_in_the_data_export()
    {
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site));
        var reflected = 0;
        foreach (var payload in Payloads)
        {
            var saved = await client.SubmitAsync("/account/profile", "/account/profile",
                new Dictionary<string, string> { ["DisplayName"] = payload, ["PreferredLanguage"] = "de" });
            foreach (var url in new[] { "/account/profile", "/", "/account/privacy/export" })
            {
                var (_, page) = await client.GetAsync(url);
                PageSafety.AssertNoExecutableMarkup(page, payload);
            }
            if (saved.StatusCode == HttpStatusCode.Redirect
                && (await client.GetAsync("/account/privacy/export")).Page.QuerySelector("main")!.TextContent.Contains(payload.Trim()))
                reflected++;
        }
        Assert.True(reflected > Payloads.Count / 2, $"only {reflected} payloads came back as text; the test would prove nothing");
    }

    [Fact]
    public async Task Search_and_catalog_filters_answer_payloads_without_markup()
    {
        using var client = SiteClient.For(site);
        foreach (var payload in Payloads)
        {
            var q = Uri.EscapeDataString(payload);
            foreach (var url in new[]
            {
                $"/search?q={q}", $"/courses?q={q}&audience={q}&topic={q}&duration={q}&language={q}", $"/materials?q={q}&audience={q}&language={q}",
                $"/standards?q={q}",
            })
            {
                var (status, page) = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, status);
                PageSafety.AssertNoExecutableMarkup(page, payload);
            }
        }
    }

    [Fact]
    public async Task The_data_export_shows_stored_free_text_of_every_kind_without_markup()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);
        foreach (var payload in Payloads)
        {
            await WithDbAsync(async db =>
            {
                var answers = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]> { [payload] = [payload] });
                await db.QuizAttempts.Where(a => a.Id == me.SubmittedAttemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.AnswersJson, answers));
                await db.AccessibilityFeedback.Where(f => f.UserId == me.User.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Message, payload).SetProperty(f => f.PageUrl, payload).SetProperty(f => f.Answer, payload));
                await db.Organizations.Where(o => o.Id == me.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, payload));
                await db.Certificates.Where(c => c.Id == me.CertificateId).ExecuteUpdateAsync(s => s.SetProperty(c => c.HolderName, payload).SetProperty(c => c.CourseTitle, payload));
                await db.OutboxMessages.Where(m => m.Id == me.LearnerMailId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Subject, payload));
                return 0;
            });
            foreach (var url in new[] { "/account/privacy/export", "/account/privacy" })
            {
                var (status, page) = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, status);
                PageSafety.AssertNoExecutableMarkup(page, payload);
            }
        }
    }

    public static TheoryData<string> SqlMetacharacters => new() { "' OR 1=1 --", "\"; DROP TABLE ContentItems; --", "%_", "' UNION SELECT Email FROM AspNetUsers --", "\\'", "%' AND '1'='1" };

    [Theory, MemberData(nameof(SqlMetacharacters))]
    public async Task Sql_metacharacters_are_searched_for_literally_and_break_nothing(string input)
    {
        using var client = SiteClient.For(site);
        var coursesBefore = await CourseCountAsync(client);
        Assert.True(await SearchHitsAsync(client, "Anerkennung") > 0, "the search itself must work, or zero hits prove nothing");

        Assert.Equal(0, await SearchHitsAsync(client, input));
        foreach (var url in new[] { "/courses?q=", "/courses?topic=", "/materials?q=", "/standards?q=" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + Uri.EscapeDataString(input))).Status);
        Assert.Equal(coursesBefore, await CourseCountAsync(client));
    }

    public static TheoryData<string> Traversals => new()
    {
        "..%2F..%2Fappsettings.json", "%2e%2e%2f%2e%2e%2fappsettings.json", "..%5C..%5Cappsettings.json", "%252e%252e%252fappsettings.json",
        "....%2F%2F....%2F%2Fappsettings.json", "..%2F..%2Fiqlearning.db", "%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..;%2Fiqlearning.db",
    };

    [Theory, MemberData(nameof(Traversals))]
    public async Task Traversal_in_file_names_and_ids_finds_nothing(string traversal)
    {
        var admin = await SecureClients.AllRolesAsync(site);
        using var client = await SecureClients.SignedInAsync(site, SiteClient.For(site), admin);
        var (_, materials) = await client.GetAsync("/materials");
        var material = materials.QuerySelector("a[href^='/materials/']")!.GetAttribute("href")!;

        foreach (var url in new[]
        {
            $"{material}/files/{traversal}", $"/media/1/{traversal}", $"/courses/{traversal}", $"/materials/{traversal}", $"/standards/{traversal}",
            $"/self-assessment/{traversal}", $"/admin/mail/files/{traversal}", $"/_content/IQLearning.Theme/{traversal}", $"/{traversal}",
        })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            foreach (var leak in new[] { "SQLite format", "ConnectionString", "root:x:0:0", "\"Logging\"" })
                Assert.DoesNotContain(leak, body);
        }
    }

    private static async Task<int> SearchHitsAsync(SiteClient client, string query)
    {
        var (status, page) = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelectorAll("ul.catalog-hits > li").Length;
    }

    private static async Task<int> CourseCountAsync(SiteClient client) =>
        (await client.GetAsync("/courses")).Page.QuerySelectorAll("ul.catalog-cards > li").Length;

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = site.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
