using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Authoring;

[Collection(SiteCollection.Name)]
public sealed class EditorPagesTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task Author_creates_a_lesson_draft_in_the_editor_and_submits_it()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var course = await _world.DraftAsync(author, unit, "Kursbeschreibung", ContentKind.Course);
        using var client = await TestAccounts.SignedInAsync(site, author);
        var slug = AuthoringWorld.Slug("lektion");

        var saved = await client.SubmitAsync("/author/new/lesson", "/author/new/lesson", LessonFields(unit, course.ContentItemId, slug,
            "# Kultur\n\n> [!TIP]\n> Nachfragen hilft."));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var itemUrl = saved.Headers.Location!.OriginalString;
        var item = await _world.ReadAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.Slug == slug));
        Assert.Equal($"/author/items/{item.Id}", itemUrl);
        Assert.Equal(course.ContentItemId, item.ParentId);
        var draft = Assert.Single(await _world.VersionsAsync(item.Id));
        Assert.Equal(VersionStatus.Draft, draft.Status);
        Assert.Equal(new LessonMetadata("01-kultur", 20, true), draft.Read<LessonMetadata>());
        Assert.Contains("callout-tip", draft.BodyHtml);

        var submitted = await client.SubmitAsync(itemUrl, $"/author/versions/{draft.Id}/submit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(VersionStatus.InReview, (await _world.VersionAsync(draft.Id)).Status);
        var (_, page) = await client.GetAsync(itemUrl);
        Assert.Contains("In Prüfung", page.QuerySelector("table")!.TextContent);
        Assert.Null(page.QuerySelector($"form[action='/author/versions/{draft.Id}/submit']"));
    }

    [Fact]
    public async Task Editing_an_item_opens_the_latest_version_and_saving_makes_a_new_version()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var first = await _world.DraftAsync(author, unit, "Erste Fassung");
        using var client = await TestAccounts.SignedInAsync(site, author);
        var editUrl = $"/author/items/{first.ContentItemId}/edit";

        var (_, page) = await client.GetAsync(editUrl);
        Assert.Equal("Erste Fassung", page.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.Equal("01-einfuehrung", page.QuerySelector<IHtmlInputElement>("#FileName")!.Value);
        Assert.Null(page.QuerySelector("#Slug")); // a new draft cannot change the item's identity

        var response = await client.SubmitAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Title"] = "Zweiter Titel", ["Body"] = "Zweite Fassung", ["FileName"] = "02-einfuehrung", ["DurationMinutes"] = "15",
            ["LessonRequired"] = "false", ["intent"] = "save",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await _world.VersionsAsync(first.ContentItemId);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Zweite Fassung", versions[1].Body);
        Assert.Equal(new LessonMetadata("02-einfuehrung", 15, false), versions[1].Read<LessonMetadata>());
    }

    [Fact]
    public async Task Preview_renders_sanitised_html_and_saves_no_version()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var course = await _world.DraftAsync(author, unit, "Kurs", ContentKind.Course);
        using var client = await TestAccounts.SignedInAsync(site, author);
        var versionsBefore = await _world.ReadAsync(db => db.ContentVersions.CountAsync());
        const string body = "**fett** <script>alert(1)</script> [klick](javascript:alert(2)) <img src=x onerror=alert(3)>";
        var fields = LessonFields(unit, course.ContentItemId, AuthoringWorld.Slug("vorschau"), body);
        fields["intent"] = "preview";

        var response = await client.SubmitAsync("/author/new/lesson", "/author/new/lesson", fields);
        var page = await SiteClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = page.QuerySelector("[data-preview-output]")!;
        Assert.Equal("fett", preview.QuerySelector("strong")!.TextContent);
        AssertInert(preview);
        Assert.Equal("true", page.QuerySelector("#preview-heading")!.GetAttribute("data-focus-preview"));
        Assert.Equal(body, page.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value); // the author's text stays in the form

        using var live = new HttpRequestMessage(HttpMethod.Post, "/author/preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "Lesson", ["Language"] = "de", ["Body"] = body }),
        };
        live.Headers.Add("RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value);
        var fragment = await client.Http.SendAsync(live);

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var fragmentPage = await SiteClient.ParseAsync(fragment);
        Assert.Equal("fett", fragmentPage.QuerySelector(".rendered strong")!.TextContent);
        AssertInert(fragmentPage.Body!);
        Assert.Equal(versionsBefore, await _world.ReadAsync(db => db.ContentVersions.CountAsync()));
    }

    [Fact]
    public async Task Live_preview_without_the_antiforgery_header_is_refused()
    {
        var author = await _world.MemberAsync(await _world.UnitAsync(), Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author);

        var response = await client.Http.PostAsync("/author/preview",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "Lesson", ["Body"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_slug_and_missing_lesson_fields_are_tied_to_their_fields_and_a_taken_slug_too()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        var course = await _world.DraftAsync(author, unit, "Kurs", ContentKind.Course);
        using var client = await TestAccounts.SignedInAsync(site, author);
        var fields = LessonFields(unit, course.ContentItemId, "Nicht Gültig", "Text");
        fields["FileName"] = "einfuehrung";
        fields.Remove("DurationMinutes");

        var page = await SiteClient.ParseAsync(await client.SubmitAsync("/author/new/lesson", "/author/new/lesson", fields));

        foreach (var field in new[] { "Slug", "FileName", "DurationMinutes" })
        {
            Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"#{field}-error")!.TextContent), field);
        }
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Slug']"));

        var taken = LessonFields(unit, course.ContentItemId, (await _world.VersionAsync(course.Id)).Item!.Slug, "Text");
        var takenPage = await SiteClient.ParseAsync(await client.SubmitAsync("/author/new/course", "/author/new/course", new Dictionary<string, string>(taken)
        {
            ["Audiences"] = "hr", ["Outcomes"] = "Ziel", ["PassMark"] = "70", ["ValidityMonths"] = "0", ["Modules"] = "Modul: einfuehrung",
        }));
        Assert.Contains("bereits vergeben", takenPage.QuerySelector("#Slug-error")!.TextContent);
    }

    [Fact]
    public async Task A_course_is_written_with_its_structured_fields_and_they_come_back_in_the_editor()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author);
        var slug = AuthoringWorld.Slug("kurs");

        var response = await client.PostFromPageAsync("/author/new/course", "/author/new/course", new Dictionary<string, string>
        {
            ["UnitId"] = unit.ToString(), ["Slug"] = slug, ["Language"] = "de", ["Title"] = "Fair rekrutieren", ["Body"] = "Beschreibung",
            ["Audiences"] = "jobcentre", ["Topics"] = "agg, recruiting", ["DurationMinutes"] = "90", ["Outcomes"] = "Ziel eins\r\nZiel zwei\r\n",
            ["PassMark"] = "80", ["ValidityMonths"] = "12", ["Modules"] = "AGG: Grundlagen: agg-eins, agg-zwei\r\nPraxis: praxis", ["intent"] = "save",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await _world.ReadAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.Slug == slug));
        var course = Assert.Single(await _world.VersionsAsync(item.Id)).Read<CourseMetadata>();
        Assert.Equal(["jobcentre"], course.Audiences);
        Assert.Equal(["agg", "recruiting"], course.Topics);
        Assert.Equal(["Ziel eins", "Ziel zwei"], course.Outcomes);
        Assert.Equal((90, 80, 12), (course.DurationMinutes, course.PassMark, course.ValidityMonths));
        Assert.Equal(["AGG: Grundlagen", "Praxis"], course.Modules.Select(m => m.Title));
        Assert.Equal(["agg-eins", "agg-zwei", "praxis"], course.LessonIds);
        var (_, edit) = await client.GetAsync($"/author/items/{item.Id}/edit");
        Assert.Equal("AGG: Grundlagen: agg-eins, agg-zwei\nPraxis: praxis", edit.QuerySelector<IHtmlTextAreaElement>("#Modules")!.Value);
        Assert.True(edit.QuerySelector<IHtmlInputElement>("#Audiences-jobcentre")!.IsChecked);
    }

    private static Dictionary<string, string> LessonFields(int unit, int course, string slug, string body) => new()
    {
        ["UnitId"] = unit.ToString(), ["Slug"] = slug, ["Language"] = "de", ["CourseId"] = course.ToString(), ["Title"] = "Kultur und Wahrnehmung",
        ["Summary"] = "", ["Body"] = body, ["FileName"] = "01-kultur", ["DurationMinutes"] = "20", ["LessonRequired"] = "true", ["intent"] = "save",
    };

    private static void AssertInert(IElement html)
    {
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain(html.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on") || a.Value.Contains("javascript:")));
    }
}
