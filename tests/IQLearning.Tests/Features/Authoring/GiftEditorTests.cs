using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Authoring;

/// <summary>The assessment editor: GIFT typed or uploaded, its parse errors at the body field with their line numbers.</summary>
[Collection(SiteCollection.Name)]
public sealed class GiftEditorTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task Invalid_gift_is_shown_at_the_body_field_with_its_line_number_and_nothing_is_saved()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author, "en");
        var slug = AuthoringWorld.Slug("test");

        var response = await client.SubmitAsync("/author/new/assessment", "/author/new/assessment", new Dictionary<string, string>
        {
            ["UnitId"] = unit.ToString(), ["Slug"] = slug, ["Language"] = "de", ["Title"] = "Abschlusstest",
            ["Body"] = "::Q1:: Erste Frage {=richtig ~falsch}\n\n::Q2:: Zweite Frage {=richtig", ["intent"] = "save",
        });
        var page = await SiteClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = page.QuerySelector("#Body")!;
        Assert.Equal("true", body.GetAttribute("aria-invalid"));
        Assert.Contains("Body-error", body.GetAttribute("aria-describedby"));
        Assert.Matches(@"Error in line 3: ", page.QuerySelector("#Body-error")!.TextContent);
        Assert.False(await _world.ReadAsync(db => db.ContentItems.AnyAsync(i => i.Slug == slug)));
    }

    [Fact]
    public async Task An_uploaded_gift_file_fills_the_body_and_its_errors_carry_line_numbers()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author, "en");
        var (_, form) = await client.GetAsync("/author/new/assessment");
        const string gift = "::Q1:: Frage eins {=ja ~nein}\n\n::Q2:: Frage zwei {=ja ~nein";

        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(unit.ToString()), "UnitId" }, { new StringContent(AuthoringWorld.Slug("upload")), "Slug" },
            { new StringContent("de"), "Language" }, { new StringContent("Hochgeladen"), "Title" }, { new StringContent(""), "Body" },
            { new StringContent("preview"), "intent" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(gift));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "GiftFile", "abschlusstest.gift");
        var response = await client.Http.PostAsync("/author/new/assessment", content);
        var page = await SiteClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(gift, page.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.Contains("Error in line 3:", page.QuerySelector("[data-preview-output]")!.TextContent);
    }
}
