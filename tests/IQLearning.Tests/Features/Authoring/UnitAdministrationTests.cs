using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Authoring;

[Collection(SiteCollection.Name)]
public sealed class UnitAdministrationTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly AuthoringWorld _world = new(site);

    [Fact]
    public async Task Administrator_creates_a_unit_and_adds_an_author_who_can_then_write_in_it()
    {
        var author = await _world.MemberAsync(null, Roles.Author);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));
        var slug = AuthoringWorld.Slug("fachstelle");

        var created = await admin.SubmitAsync("/admin/units", "/admin/units",
            new Dictionary<string, string> { ["Slug"] = slug, ["Name"] = "IQ Fachstelle Einwanderung", ["Description"] = "Anerkennung" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var unitUrl = created.Headers.Location!.OriginalString;
        var unit = await _world.ReadAsync(db => db.SpecialistUnits.SingleAsync(u => u.Slug == slug));
        Assert.Equal($"/admin/units/{unit.Id}", unitUrl);

        var added = await admin.SubmitAsync(unitUrl, $"{unitUrl}/members", new Dictionary<string, string> { ["Email"] = author.Email!.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await _world.ReadAsync(db => db.UnitMemberships.AnyAsync(m => m.UnitId == unit.Id && m.UserId == author.Id)));
        using var authorClient = await TestAccounts.SignedInAsync(site, author);
        var (_, editor) = await authorClient.GetAsync("/author/new/lesson");
        Assert.Contains(editor.QuerySelectorAll("#UnitId option"), o => o.GetAttribute("value") == unit.Id.ToString());

        var removed = await admin.SubmitAsync(unitUrl, $"{unitUrl}/members/remove", new Dictionary<string, string> { ["userId"] = author.Id });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _world.ReadAsync(db => db.UnitMemberships.AnyAsync(m => m.UnitId == unit.Id)));
    }

    [Fact]
    public async Task A_wrong_slug_a_taken_slug_and_an_unknown_address_are_shown_at_their_fields()
    {
        var existing = await _world.UnitAsync();
        var existingSlug = await _world.ReadAsync(db => db.SpecialistUnits.Where(u => u.Id == existing).Select(u => u.Slug).SingleAsync());
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        foreach (var (slug, message) in new[] { ("Große Stelle", "Kleinbuchstaben"), (existingSlug, "bereits") })
        {
            var page = await SiteClient.ParseAsync(await admin.SubmitAsync("/admin/units", "/admin/units",
                new Dictionary<string, string> { ["Slug"] = slug, ["Name"] = "Name" }));
            Assert.Equal("true", page.QuerySelector("#Slug")!.GetAttribute("aria-invalid"));
            Assert.Contains(message, page.QuerySelector("#Slug-error")!.TextContent);
        }

        var memberPage = await SiteClient.ParseAsync(await admin.SubmitAsync($"/admin/units/{existing}", $"/admin/units/{existing}/members",
            new Dictionary<string, string> { ["Email"] = "niemand@example.org" }));
        Assert.Contains("kein Konto", memberPage.QuerySelector("#Email-error")!.TextContent);
    }

    [Fact]
    public async Task Authors_and_reviewers_cannot_manage_units()
    {
        using var reviewer = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Reviewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/admin/units")).Status);
    }
}
