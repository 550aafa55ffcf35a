using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>WCAG 1.1.1 in the publishing workflow: a draft with an image without alt text is not saved.</summary>
[Collection(SiteCollection.Name)]
public sealed class ImageAltTextTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("Text\n\n![](/media/1/foto.png)")]
    [InlineData("![ ](/media/1/foto.png)")]
    [InlineData("Ein [Link mit ![](/media/1/foto.png) Bild](/courses)")]
    [InlineData("![Diagramm](/media/1/a.png) und ![][bild]\n\n[bild]: /media/1/foto.png")]
    public async Task A_draft_with_an_image_without_alt_text_is_refused(string body)
    {
        var result = await CreateAsync(body);

        Assert.Equal(WorkflowOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems!);
        Assert.Equal("body: image /media/1/foto.png needs alt text (describe it, or write ![-](…) if it is decorative)", problem);
    }

    [Fact]
    public async Task A_described_image_keeps_its_alt_text_and_a_decorative_one_is_hidden_from_screen_readers()
    {
        var result = await CreateAsync("![Ablauf der Anerkennung](/media/1/ablauf.png)\n\n![-](/media/2/linie.png)");

        Assert.Equal(WorkflowOutcome.Done, result.Outcome);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Version!.BodyHtml);
        var images = html.QuerySelectorAll("img").Select(i => (i.GetAttribute("src"), i.GetAttribute("alt"))).ToList();
        Assert.Equal([("/media/1/ablauf.png", "Ablauf der Anerkennung"), ("/media/2/linie.png", "")], images);
    }

    [Fact]
    public async Task A_draft_without_images_is_rendered_exactly_as_before()
    {
        const string body = "# Titel\n\n> [!TIP]\n> Ein *Hinweis*.\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        var result = await CreateAsync(body);

        Assert.Equal(WorkflowOutcome.Done, result.Outcome);
        Assert.Equal(IQLearning.Web.Features.Content.Markdown.MarkdownRenderer.Shared.Render(body, "de"), result.Version!.BodyHtml);
    }

    private async Task<WorkflowResult> CreateAsync(string body)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = new SpecialistUnit { Slug = "u-" + Guid.NewGuid().ToString("N")[..10], Name = "Fachstelle Bilder" };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        var author = await TestAccounts.CreateAsync(site, Roles.Author);
        db.UnitMemberships.Add(new UnitMembership { UnitId = unit.Id, UserId = author.Id });
        await db.SaveChangesAsync();
        var actor = new ContentActor(author.Id, new HashSet<string> { Roles.Author }, new HashSet<int> { unit.Id });
        var edit = new DraftEdit("Bilder", "", body, """{"fileName":"01-bilder","durationMinutes":10,"required":true}""");
        return await scope.ServiceProvider.GetRequiredService<ContentWorkflow>()
            .CreateAsync(actor, ContentKind.Lesson, unit.Id, "bilder-" + Guid.NewGuid().ToString("N")[..8], "de", null, edit);
    }
}
