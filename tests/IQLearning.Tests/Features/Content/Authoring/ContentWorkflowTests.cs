using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Content.Authoring;

[Collection(SiteCollection.Name)]
public sealed class ContentWorkflowTests(TestSite site) : IClassFixture<TestSite>
{
    private static DraftEdit Edit(string body = "Ein **Text**.") => new("Titel", "Zusammenfassung", body, """{"fileName":"01-x","durationMinutes":10,"required":true}""");

    [Fact]
    public async Task Author_submits_and_another_reviewer_publishes()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);
        var reviewer = await ActorAsync(unit, Roles.Reviewer);

        var created = await Run(w => w.CreateAsync(author, ContentKind.Lesson, unit, Slug(), "de", null, Edit()));
        Assert.Equal(WorkflowOutcome.Done, created.Outcome);
        Assert.Equal(VersionStatus.Draft, created.Version!.Status);
        Assert.Equal(WorkflowOutcome.Done, (await Run(w => w.SubmitAsync(author, created.Version.Id))).Outcome);
        var published = await Run(w => w.ApproveAsync(reviewer, created.Version.Id, "Gut."));

        Assert.Equal(WorkflowOutcome.Done, published.Outcome);
        var item = await ItemAsync(created.Version.ContentItemId);
        Assert.Equal(created.Version.Id, item.PublishedVersionId);
        Assert.Equal(["created", "submitted", "published"], await AuditAsync(item.Id));
    }

    [Fact]
    public async Task Nobody_publishes_their_own_draft_not_even_an_author_who_is_also_reviewer_or_an_administrator()
    {
        var (unit, _) = await UnitsAsync();
        foreach (var roles in new[] { new[] { Roles.Author, Roles.Reviewer }, [Roles.Administrator] })
        {
            var actor = await ActorAsync(unit, roles);
            var draft = (await Run(w => w.CreateAsync(actor, ContentKind.Lesson, unit, Slug(), "de", null, Edit()))).Version!;
            await Run(w => w.SubmitAsync(actor, draft.Id));

            Assert.Equal(WorkflowOutcome.OwnDraft, (await Run(w => w.ApproveAsync(actor, draft.Id, null))).Outcome);
            Assert.Null((await ItemAsync(draft.ContentItemId)).PublishedVersionId);
        }
    }

    [Fact]
    public async Task A_reviewer_of_unit_a_cannot_see_or_touch_content_of_unit_b()
    {
        var (unitA, unitB) = await UnitsAsync();
        var authorB = await ActorAsync(unitB, Roles.Author);
        var reviewerA = await ActorAsync(unitA, Roles.Reviewer);
        var draft = (await Run(w => w.CreateAsync(authorB, ContentKind.Lesson, unitB, Slug(), "de", null, Edit()))).Version!;
        await Run(w => w.SubmitAsync(authorB, draft.Id));

        Assert.Equal(WorkflowOutcome.NotFound, (await Run(w => w.ApproveAsync(reviewerA, draft.Id, null))).Outcome);
        Assert.Equal(WorkflowOutcome.NotFound, (await Run(w => w.ReturnAsync(reviewerA, draft.Id, "Nein"))).Outcome);
        Assert.Equal(WorkflowOutcome.NotFound, (await Run(w => w.SaveDraftAsync(reviewerA, draft.ContentItemId, Edit()))).Outcome);
        Assert.Equal(WorkflowOutcome.NotFound, (await Run(w => w.ArchiveAsync(reviewerA, draft.ContentItemId))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.CreateAsync(reviewerA, ContentKind.Lesson, unitB, Slug(), "de", null, Edit()))).Outcome);
    }

    [Fact]
    public async Task An_author_edits_only_own_items_and_a_learner_nothing()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);
        var otherAuthor = await ActorAsync(unit, Roles.Author);
        var learner = await ActorAsync(unit, Roles.Learner);
        var draft = (await Run(w => w.CreateAsync(author, ContentKind.Lesson, unit, Slug(), "de", null, Edit()))).Version!;

        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.SaveDraftAsync(otherAuthor, draft.ContentItemId, Edit("fremd")))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.SubmitAsync(otherAuthor, draft.Id))).Outcome);
        Assert.Equal(WorkflowOutcome.NotFound, (await Run(w => w.SaveDraftAsync(learner, draft.ContentItemId, Edit("fremd")))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.CreateAsync(learner, ContentKind.Lesson, unit, Slug(), "de", null, Edit()))).Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.CreateAsync(author, ContentKind.Page, unit, Slug(), "de", null, Edit()))).Outcome);
    }

    [Fact]
    public async Task A_returned_draft_needs_a_comment_goes_back_to_draft_and_can_be_resubmitted()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);
        var reviewer = await ActorAsync(unit, Roles.Reviewer);
        var draft = (await Run(w => w.CreateAsync(author, ContentKind.Lesson, unit, Slug(), "de", null, Edit()))).Version!;
        await Run(w => w.SubmitAsync(author, draft.Id));

        Assert.Equal(WorkflowOutcome.CommentRequired, (await Run(w => w.ReturnAsync(reviewer, draft.Id, " "))).Outcome);
        var returned = await Run(w => w.ReturnAsync(reviewer, draft.Id, "Bitte die Quelle nennen."));
        Assert.Equal(VersionStatus.Draft, returned.Version!.Status);
        Assert.Equal("Bitte die Quelle nennen.", returned.Version.ReviewComment);

        var second = (await Run(w => w.SaveDraftAsync(author, draft.ContentItemId, Edit("Mit Quelle: § 1 AGG.")))).Version!;
        Assert.Equal(2, second.Number);
        await Run(w => w.SubmitAsync(author, second.Id));
        Assert.Equal(WorkflowOutcome.Done, (await Run(w => w.ApproveAsync(reviewer, second.Id, null))).Outcome);
        Assert.Equal(WorkflowOutcome.WrongState, (await Run(w => w.ApproveAsync(reviewer, second.Id, null))).Outcome);
    }

    [Fact]
    public async Task Publishing_a_new_version_supersedes_the_old_and_an_old_version_can_be_restored_as_a_new_draft()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);
        var reviewer = await ActorAsync(unit, Roles.Reviewer);
        var first = (await Run(w => w.CreateAsync(author, ContentKind.Lesson, unit, Slug(), "de", null, Edit("Erste Fassung")))).Version!;
        await Publish(author, reviewer, first.Id);
        var second = (await Run(w => w.SaveDraftAsync(author, first.ContentItemId, Edit("Zweite Fassung")))).Version!;
        await Publish(author, reviewer, second.Id);

        var restored = await Run(w => w.RestoreAsync(author, first.Id));

        Assert.Equal(3, restored.Version!.Number);
        Assert.Equal(VersionStatus.Draft, restored.Version.Status);
        Assert.Equal("Erste Fassung", restored.Version.Body);
        using var scope = site.Services.CreateScope();
        var statuses = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentVersions
            .Where(v => v.ContentItemId == first.ContentItemId).OrderBy(v => v.Number).Select(v => v.Status).ToListAsync();
        Assert.Equal([VersionStatus.Superseded, VersionStatus.Published, VersionStatus.Draft], statuses);
        Assert.Contains("restored from v1", await AuditAsync(first.ContentItemId));
    }

    [Fact]
    public async Task Archiving_takes_the_item_offline_and_is_for_reviewers_not_authors()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);
        var reviewer = await ActorAsync(unit, Roles.Reviewer);
        var draft = (await Run(w => w.CreateAsync(author, ContentKind.Material, unit, Slug(), "de", null, Edit()))).Version!;
        await Publish(author, reviewer, draft.Id);

        Assert.Equal(WorkflowOutcome.Forbidden, (await Run(w => w.ArchiveAsync(author, draft.ContentItemId))).Outcome);
        Assert.Equal(WorkflowOutcome.Done, (await Run(w => w.ArchiveAsync(reviewer, draft.ContentItemId))).Outcome);

        var item = await ItemAsync(draft.ContentItemId);
        Assert.True(item.Archived);
        Assert.Null(item.PublishedVersionId);
        Assert.Equal("archived", (await AuditAsync(item.Id)).Last());
    }

    [Fact]
    public async Task Unsafe_markdown_is_stored_rendered_inert_and_broken_gift_is_not_saved()
    {
        var (unit, _) = await UnitsAsync();
        var author = await ActorAsync(unit, Roles.Author);

        var xss = await Run(w => w.CreateAsync(author, ContentKind.Lesson, unit, Slug(), "de", null,
            Edit("<script>alert(1)</script> [klick](javascript:alert(2)) <img src=x onerror=alert(3)>")));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(xss.Version!.BodyHtml);
        Assert.Empty(html.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on") || a.Value.Contains("javascript:")));

        var gift = await Run(w => w.CreateAsync(author, ContentKind.Assessment, unit, Slug(), "de", null,
            new DraftEdit("Test", "", "::Q1:: Frage {=richtig", "{}")));
        Assert.Equal(WorkflowOutcome.Invalid, gift.Outcome);
        Assert.Contains(gift.Problems!, p => p.StartsWith("assessment.gift:1"));
    }

    private async Task Publish(ContentActor author, ContentActor reviewer, int versionId)
    {
        Assert.True((await Run(w => w.SubmitAsync(author, versionId))).Succeeded);
        Assert.True((await Run(w => w.ApproveAsync(reviewer, versionId, null))).Succeeded);
    }

    private async Task<WorkflowResult> Run(Func<ContentWorkflow, Task<WorkflowResult>> step)
    {
        using var scope = site.Services.CreateScope();
        return await step(scope.ServiceProvider.GetRequiredService<ContentWorkflow>());
    }

    private async Task<(int A, int B)> UnitsAsync()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var a = new SpecialistUnit { Slug = Slug(), Name = "Fachstelle A" };
        var b = new SpecialistUnit { Slug = Slug(), Name = "Fachstelle B" };
        db.SpecialistUnits.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    private async Task<ContentActor> ActorAsync(int unit, params string[] roles)
    {
        var user = await TestAccounts.CreateAsync(site, roles[0]);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UnitMemberships.Add(new UnitMembership { UnitId = unit, UserId = user.Id });
        await db.SaveChangesAsync();
        return new ContentActor(user.Id, roles.ToHashSet(), new HashSet<int> { unit });
    }

    private async Task<ContentItem> ItemAsync(int id)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task<List<string>> AuditAsync(int itemId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentAudit
            .Where(a => a.ContentItemId == itemId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    private static string Slug() => "t-" + Guid.NewGuid().ToString("N")[..12];
}
