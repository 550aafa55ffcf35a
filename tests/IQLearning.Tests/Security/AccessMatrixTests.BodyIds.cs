using System.Net;
using IQLearning.Tests.Features.Media;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>Ids of the other side that travel in the form body rather than the URL: no change lands on the other side.</summary>
public sealed partial class AccessMatrixTests
{
    [Fact]
    public async Task An_author_cannot_create_an_item_in_another_unit_by_naming_it_in_the_form()
    {
        var otherUnit = int.Parse(world.Other["unit"]);
        var before = await CountAsync(db => db.ContentItems.CountAsync(i => i.UnitId == otherUnit));
        Dictionary<string, string> Lesson(string unit, string slug) => new()
        {
            ["UnitId"] = unit, ["Slug"] = slug, ["Language"] = "de", ["Title"] = "Eingeschmuggelt",
            ["Body"] = "Text", ["FileName"] = "01-" + slug, ["DurationMinutes"] = "5", ["Audiences"] = "hr", ["intent"] = "save",
        };

        var response = await world.Clients["author"].PostFromPageAsync("/author/new/material", "/author/new/material", Lesson(otherUnit.ToString(), "eingeschmuggelt"));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await CountAsync(db => db.ContentItems.CountAsync(i => i.UnitId == otherUnit)));
        // The same form for the author's own unit is stored, so the refusal above is about the unit.
        var own = await world.Clients["author"].PostFromPageAsync("/author/new/material", "/author/new/material", Lesson(world.Own["unit"], "eigene-lektion"));
        Assert.True(own.StatusCode == HttpStatusCode.Redirect, (await Support.SiteClient.ParseAsync(own)).QuerySelector(".error-summary")?.TextContent);
    }

    [Fact]
    public async Task An_author_cannot_upload_media_into_another_unit_by_naming_it_in_the_form()
    {
        var otherUnit = int.Parse(world.Other["unit"]);
        var before = await CountAsync(db => db.MediaFiles.CountAsync(m => m.UnitId == otherUnit));

        var response = await MediaUpload.PostAsync(world.Clients["author"], otherUnit, "eingeschmuggelt.png", MediaSamples.Png, altText: "Bild");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await CountAsync(db => db.MediaFiles.CountAsync(m => m.UnitId == otherUnit)));
        var own = await MediaUpload.PostAsync(world.Clients["author"], int.Parse(world.Own["unit"]), "eigenes.png", MediaSamples.Png, altText: "Bild");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task A_manager_cannot_assign_a_course_to_a_member_of_another_organization_through_their_own()
    {
        var learnerOfB = world.Other["member"];
        var before = await CountAsync(db => db.Enrollments.CountAsync(e => e.UserId == learnerOfB));

        await world.Clients["manager"].PostFromPageAsync("/", $"/organizations/{world.Own["org"]}/assignments", new Dictionary<string, string>
        {
            ["Form.CourseItemId"] = world.Own["course"], ["Form.DueDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            ["Form.AllMembers"] = "false", ["Form.UserIds"] = learnerOfB,
        });

        Assert.Equal(before, await CountAsync(db => db.Enrollments.CountAsync(e => e.UserId == learnerOfB)));
        Assert.False(await CountAsync(db => db.Assignments.AnyAsync(a => a.OrganizationId == int.Parse(world.Own["org"]))));
    }

    private async Task<T> CountAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = world.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
