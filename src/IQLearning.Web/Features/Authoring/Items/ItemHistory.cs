using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

public sealed record VersionRow(int Id, int Number, VersionStatus Status, string Title, string Author, DateTime CreatedAt,
    DateTime? SubmittedAt, string? Reviewer, string? ReviewComment);

public sealed record AuditRow(DateTime At, string Who, string Action, int? VersionNumber, string? Comment);

/// <summary>What the actor may do with the item, so the page offers only buttons that will work.</summary>
public sealed record ItemActions(bool Edit, bool Archive, bool Review);

public sealed record ItemPage(int Id, ContentKind Kind, string Slug, string Language, string Unit, string? Course, bool Archived,
    DateTime CreatedAt, string CreatedBy, int? PublishedVersionId, int? LatestVersionId, IReadOnlyList<MetadataFact> Metadata,
    IReadOnlyList<VersionRow> Versions, IReadOnlyList<AuditRow> Audit, ItemActions Can)
{
    public VersionRow? Latest => Versions.FirstOrDefault(v => v.Id == LatestVersionId);
    public string Title => Latest?.Title ?? Slug;
}

public sealed record VersionPage(int Id, int ItemId, ContentKind Kind, string Language, int Number, VersionStatus Status, string Title,
    string Summary, string Body, string BodyHtml, string Author, DateTime CreatedAt, string? ReviewComment, bool IsLatest, bool CanRestore);

/// <summary>
/// Reads one item with its versions and audit trail, or one version, for an actor who may see drafts of the item's
/// unit; for anyone else the item does not exist (null → 404), so its title does not leak across units.
/// </summary>
public sealed class ItemHistory(AppDbContext db, IStringLocalizer<ItemHistory> t)
{
    public async Task<ItemPage?> ItemAsync(ContentActor actor, int itemId, CancellationToken cancellationToken = default)
    {
        var item = await VisibleItemAsync(actor, itemId, cancellationToken);
        if (item is null) return null;
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == itemId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var audit = await db.ContentAudit.AsNoTracking().Where(a => a.ContentItemId == itemId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var names = await db.NamesAsync(versions.SelectMany(v => new[] { v.CreatedById, v.ReviewedById }).Concat(audit.Select(a => a.UserId)).Append(item.CreatedById), cancellationToken);
        var course = item.ParentId is { } parent
            ? await db.ContentItems.AsNoTracking().Where(i => i.Id == parent)
                .Select(i => db.ContentVersions.Where(v => v.Id == i.LatestVersionId).Select(v => v.Title).FirstOrDefault() ?? i.Slug)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var latest = versions.FirstOrDefault(v => v.Id == item.LatestVersionId);
        return new ItemPage(item.Id, item.Kind, item.Slug, item.Language, item.Unit!.Name, course, item.Archived, item.CreatedAt,
            names.NameOf(item.CreatedById), item.PublishedVersionId, item.LatestVersionId,
            latest is null ? [] : MetadataFact.Of(item.Kind, latest, t),
            versions.Select(v => new VersionRow(v.Id, v.Number, v.Status, v.Title, names.NameOf(v.CreatedById), v.CreatedAt, v.SubmittedAt,
                v.ReviewedById is null ? null : names.NameOf(v.ReviewedById), v.ReviewComment)).ToList(),
            audit.Select(a => new AuditRow(a.At, names.NameOf(a.UserId), a.Action, a.VersionNumber, a.Comment)).ToList(),
            new ItemActions(actor.CanEdit(item), actor.Can(ContentPermission.Archive, item.Kind, item.UnitId) && !item.Archived,
                actor.Can(ContentPermission.ReviewPublish, item.Kind, item.UnitId)));
    }

    public async Task<VersionPage?> VersionAsync(ContentActor actor, int versionId, CancellationToken cancellationToken = default)
    {
        var version = await db.ContentVersions.AsNoTracking().Include(v => v.Item).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version?.Item is not { } item || !actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId)) return null;
        var names = await db.NamesAsync([version.CreatedById], cancellationToken);
        var isLatest = item.LatestVersionId == version.Id;
        return new VersionPage(version.Id, item.Id, item.Kind, item.Language, version.Number, version.Status, version.Title, version.Summary,
            version.Body, version.BodyHtml, names.NameOf(version.CreatedById), version.CreatedAt, version.ReviewComment, isLatest,
            !isLatest && actor.CanEdit(item));
    }

    /// <summary>The line diff of the bodies of two versions of one item, by version number; by default the latest against the one before.</summary>
    public async Task<DiffPage?> DiffAsync(ContentActor actor, int itemId, int? from, int? to, CancellationToken cancellationToken = default)
    {
        var item = await VisibleItemAsync(actor, itemId, cancellationToken);
        if (item is null) return null;
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == itemId)
            .OrderBy(v => v.Number).Select(v => new { v.Number, v.Title, v.Body }).ToListAsync(cancellationToken);
        to ??= versions.LastOrDefault()?.Number;
        from ??= to - 1;
        var older = versions.FirstOrDefault(v => v.Number == from);
        var newer = versions.FirstOrDefault(v => v.Number == to);
        if (older is null || newer is null) return null;
        return new DiffPage(item.Id, newer.Title, older.Number, newer.Number, versions.Select(v => v.Number).ToList(), TextDiff.Lines(older.Body, newer.Body));
    }

    private async Task<ContentItem?> VisibleItemAsync(ContentActor actor, int itemId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().Include(i => i.Unit).SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        return item is not null && actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId) ? item : null;
    }
}

/// <param name="Numbers">Every version number of the item, for the "compare" form.</param>
public sealed record DiffPage(int ItemId, string Title, int From, int To, IReadOnlyList<int> Numbers, IReadOnlyList<DiffLine> Lines);
