using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Authoring;

/// <summary>Authors set how a quiz is taken: attempts allowed, shuffling, an optional time limit.</summary>
[Collection(SiteCollection.Name)]
public sealed class QuizSettingsEditorTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task Quiz_settings_are_stored_with_the_assessment_and_shown_again_when_editing()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author, "en");
        var slug = AuthoringWorld.Slug("quiz");

        var saved = await client.SubmitAsync("/author/new/assessment", "/author/new/assessment", new Dictionary<string, string>
        {
            ["UnitId"] = unit.ToString(), ["Slug"] = slug, ["Language"] = "de", ["Title"] = "Abschlusstest",
            ["Body"] = "::Q1:: Erste Frage {=richtig ~falsch}", ["AttemptsAllowed"] = "2", ["Shuffle"] = "false",
            ["TimeLimitMinutes"] = "30", ["intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var json = await _world.ReadAsync(db => db.ContentItems.Where(i => i.Slug == slug)
            .Join(db.ContentVersions, i => i.LatestVersionId, v => v.Id, (_, v) => v.MetadataJson).SingleAsync());
        var settings = new ContentVersion { Title = "", Body = "", ContentHash = "", MetadataJson = json }.Read<AssessmentSettings>();
        Assert.Equal((2, false, 30), (settings.AttemptsAllowed!.Value, settings.Shuffle, settings.TimeLimitMinutes!.Value));
        Assert.Equal(slug + ".gift", settings.FileName);

        var itemId = await _world.ReadAsync(db => db.ContentItems.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());
        var (_, edit) = await client.GetAsync($"/author/items/{itemId}/edit");
        Assert.Equal("2", edit.QuerySelector("#AttemptsAllowed")!.GetAttribute("value"));
        Assert.Equal("30", edit.QuerySelector("#TimeLimitMinutes")!.GetAttribute("value"));
        Assert.Null(edit.QuerySelector("#Shuffle")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task An_attempt_limit_out_of_range_is_refused_at_its_field()
    {
        var unit = await _world.UnitAsync();
        var author = await _world.MemberAsync(unit, Roles.Author);
        using var client = await TestAccounts.SignedInAsync(site, author, "en");

        var response = await client.SubmitAsync("/author/new/assessment", "/author/new/assessment", new Dictionary<string, string>
        {
            ["UnitId"] = unit.ToString(), ["Slug"] = AuthoringWorld.Slug("quiz"), ["Language"] = "de", ["Title"] = "Test",
            ["Body"] = "::Q1:: Frage {=ja ~nein}", ["AttemptsAllowed"] = "0", ["intent"] = "save",
        });

        var page = await SiteClient.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#AttemptsAllowed")!.GetAttribute("aria-invalid"));
    }
}
