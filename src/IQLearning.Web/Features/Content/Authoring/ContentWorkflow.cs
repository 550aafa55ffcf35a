using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Content.Authoring;

public enum WorkflowOutcome { Done, NotFound, Forbidden, WrongState, OwnDraft, CommentRequired, SlugTaken, Invalid }

public sealed record WorkflowResult(WorkflowOutcome Outcome, ContentVersion? Version = null, IReadOnlyList<string>? Problems = null)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Done;
    public static WorkflowResult Fail(WorkflowOutcome outcome, params string[] problems) => new(outcome, null, problems);
}

/// <summary>What an author typed: the source and, for structured kinds, the metadata as JSON.</summary>
public sealed record DraftEdit(string Title, string Summary, string Body, string MetadataJson);

/// <summary>
/// The publishing workflow: every save is a new version; Draft → InReview → Published; a reviewer other than the
/// author publishes (four-eyes) or returns the draft with a comment; archive; restore an old version as a new draft.
/// Every step is written to the content audit trail.
/// </summary>
public sealed class ContentWorkflow(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<WorkflowResult> CreateAsync(ContentActor actor, ContentKind kind, int unitId, string slug, string language,
        int? parentId, DraftEdit edit, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(ContentPermission.EditOwn, kind, unitId, actor.UserId)) return WorkflowResult.Fail(WorkflowOutcome.Forbidden);
        if (await db.ContentItems.AnyAsync(i => i.Kind == kind && i.Slug == slug, cancellationToken))
            return WorkflowResult.Fail(WorkflowOutcome.SlugTaken, slug);
        var item = new ContentItem { Kind = kind, Slug = slug, UnitId = unitId, Language = language, ParentId = parentId, CreatedAt = Now, CreatedById = actor.UserId };
        db.ContentItems.Add(item);
        return await AddDraftAsync(item, edit, actor, "created", cancellationToken);
    }

    public async Task<WorkflowResult> SaveDraftAsync(ContentActor actor, int itemId, DraftEdit edit, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null || !actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId)) return WorkflowResult.Fail(WorkflowOutcome.NotFound);
        if (!actor.CanEdit(item)) return WorkflowResult.Fail(WorkflowOutcome.Forbidden);
        return await AddDraftAsync(item, edit, actor, "saved", cancellationToken);
    }

    public Task<WorkflowResult> SubmitAsync(ContentActor actor, int versionId, CancellationToken cancellationToken = default) =>
        TransitionAsync(actor, versionId, VersionStatus.Draft, cancellationToken, (item, version) =>
        {
            if (!actor.CanEdit(item)) return WorkflowOutcome.Forbidden;
            version.Status = VersionStatus.InReview;
            (version.SubmittedAt, version.SubmittedById) = (Now, actor.UserId);
            return Audit(item, version, "submitted", actor, null);
        });

    public Task<WorkflowResult> ApproveAsync(ContentActor actor, int versionId, string? comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(actor, versionId, VersionStatus.InReview, cancellationToken, (item, version) =>
        {
            if (!actor.Can(ContentPermission.ReviewPublish, item.Kind, item.UnitId)) return WorkflowOutcome.Forbidden;
            if (version.CreatedById == actor.UserId || version.SubmittedById == actor.UserId) return WorkflowOutcome.OwnDraft;
            foreach (var published in db.ContentVersions.Local.Where(v => v.ContentItemId == item.Id && v.Status == VersionStatus.Published))
                published.Status = VersionStatus.Superseded;
            version.Status = VersionStatus.Published;
            (version.ReviewedAt, version.ReviewedById, version.ReviewComment, version.PublishedAt) = (Now, actor.UserId, comment, Now);
            item.PublishedVersionId = version.Id;
            item.Archived = false;
            return Audit(item, version, "published", actor, comment);
        }, loadPublished: true);

    public Task<WorkflowResult> ReturnAsync(ContentActor actor, int versionId, string? comment, CancellationToken cancellationToken = default) =>
        TransitionAsync(actor, versionId, VersionStatus.InReview, cancellationToken, (item, version) =>
        {
            if (!actor.Can(ContentPermission.ReviewPublish, item.Kind, item.UnitId)) return WorkflowOutcome.Forbidden;
            if (string.IsNullOrWhiteSpace(comment)) return WorkflowOutcome.CommentRequired;
            version.Status = VersionStatus.Draft;
            (version.ReviewedAt, version.ReviewedById, version.ReviewComment) = (Now, actor.UserId, comment.Trim());
            return Audit(item, version, "returned", actor, comment.Trim());
        });

    public async Task<WorkflowResult> ArchiveAsync(ContentActor actor, int itemId, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null || !actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId)) return WorkflowResult.Fail(WorkflowOutcome.NotFound);
        if (!actor.Can(ContentPermission.Archive, item.Kind, item.UnitId)) return WorkflowResult.Fail(WorkflowOutcome.Forbidden);
        if (item.Archived) return WorkflowResult.Fail(WorkflowOutcome.WrongState);
        await db.ContentVersions.Where(v => v.ContentItemId == item.Id && v.Status == VersionStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VersionStatus.Archived), cancellationToken);
        item.Archived = true;
        item.PublishedVersionId = null;
        Audit(item, null, "archived", actor, null);
        await db.SaveChangesAsync(cancellationToken);
        return new WorkflowResult(WorkflowOutcome.Done);
    }

    public async Task<WorkflowResult> RestoreAsync(ContentActor actor, int versionId, CancellationToken cancellationToken = default)
    {
        var old = await db.ContentVersions.AsNoTracking().Include(v => v.Item).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (old?.Item is null || !actor.Can(ContentPermission.ViewDrafts, old.Item.Kind, old.Item.UnitId)) return WorkflowResult.Fail(WorkflowOutcome.NotFound);
        var item = await db.ContentItems.SingleAsync(i => i.Id == old.ContentItemId, cancellationToken);
        if (!actor.CanEdit(item)) return WorkflowResult.Fail(WorkflowOutcome.Forbidden);
        return await AddDraftAsync(item, new DraftEdit(old.Title, old.Summary, old.Body, old.MetadataJson), actor, $"restored from v{old.Number}", cancellationToken);
    }

    private async Task<WorkflowResult> AddDraftAsync(ContentItem item, DraftEdit edit, ContentActor actor, string action, CancellationToken cancellationToken)
    {
        var rendered = DraftRendering.Render(item.Kind, item.Language, edit);
        if (rendered.Problems.Count > 0) return new WorkflowResult(WorkflowOutcome.Invalid, null, rendered.Problems);
        var number = item.Id == 0 ? 0 : await db.ContentVersions.Where(v => v.ContentItemId == item.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new ContentVersion
        {
            Item = item, Number = number + 1, Status = VersionStatus.Draft, Title = edit.Title.Trim(), Summary = edit.Summary.Trim(),
            Body = edit.Body, BodyHtml = rendered.Html, MetadataJson = edit.MetadataJson, ContentHash = rendered.Hash,
            SearchText = rendered.SearchText, CreatedAt = Now, CreatedById = actor.UserId,
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        item.LatestVersionId = version.Id;
        Audit(item, version, action, actor, null);
        await db.SaveChangesAsync(cancellationToken);
        return new WorkflowResult(WorkflowOutcome.Done, version);
    }

    private async Task<WorkflowResult> TransitionAsync(ContentActor actor, int versionId, VersionStatus from, CancellationToken cancellationToken,
        Func<ContentItem, ContentVersion, WorkflowOutcome> step, bool loadPublished = false)
    {
        var version = await db.ContentVersions.Include(v => v.Item).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version?.Item is not { } item || !actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId))
            return WorkflowResult.Fail(WorkflowOutcome.NotFound);
        if (version.Status != from) return WorkflowResult.Fail(WorkflowOutcome.WrongState);
        if (loadPublished)
            await db.ContentVersions.Where(v => v.ContentItemId == item.Id && v.Status == VersionStatus.Published).LoadAsync(cancellationToken);
        var outcome = step(item, version);
        if (outcome != WorkflowOutcome.Done) return WorkflowResult.Fail(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return new WorkflowResult(WorkflowOutcome.Done, version);
    }

    private static readonly HashSet<string> AccountableActions = ["published", "returned", "archived"];

    private WorkflowOutcome Audit(ContentItem item, ContentVersion? version, string action, ContentActor actor, string? comment)
    {
        if (AccountableActions.Contains(action))
            db.AuditEvents.Add(new Audit.AuditEvent
            {
                At = Now, Action = $"content.{action}", ActorId = actor.UserId,
                Subject = $"content:{item.Id}", Detail = $"{item.Kind} {item.Slug} v{version?.Number}",
            });
        db.ContentAudit.Add(new ContentAuditEntry
        {
            ContentItemId = item.Id, VersionNumber = version?.Number, Action = action, UserId = actor.UserId, At = Now, Comment = comment,
        });
        return WorkflowOutcome.Done;
    }
}
