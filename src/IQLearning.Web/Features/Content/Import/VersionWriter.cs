using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Content.Import;

/// <summary>Adds a published version to an item when its content hash changed (creating the item if new).</summary>
internal sealed class VersionWriter(AppDbContext db, DateTime now, string? userId, string auditAction)
{
    private int _new;
    private int _unchanged;

    public ImportSummary Summary => new(_new, _unchanged);

    public async Task<ContentItem> WriteAsync(ContentKind kind, string slug, int unitId, string language, int? parentId,
        VersionInput input, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Kind == kind && i.Slug == slug, cancellationToken);
        if (item is null)
        {
            item = new ContentItem { Kind = kind, Slug = slug, UnitId = unitId, Language = language, CreatedAt = now, CreatedById = userId };
            db.ContentItems.Add(item);
        }
        item.ParentId = parentId;
        item.UnitId = unitId;
        item.Language = language;
        var latestHash = item.LatestVersionId is { } latest
            ? await db.ContentVersions.Where(v => v.Id == latest).Select(v => v.ContentHash).SingleAsync(cancellationToken)
            : null;
        if (latestHash == input.ContentHash && !item.Archived)
        {
            _unchanged++;
            return item;
        }
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(item, input, cancellationToken);
        _new++;
        return item;
    }

    private async Task PublishAsync(ContentItem item, VersionInput input, CancellationToken cancellationToken)
    {
        var number = await db.ContentVersions.Where(v => v.ContentItemId == item.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        await db.ContentVersions.Where(v => v.ContentItemId == item.Id && v.Status == VersionStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VersionStatus.Superseded), cancellationToken);
        var version = new ContentVersion
        {
            ContentItemId = item.Id, Number = number + 1, Status = VersionStatus.Published,
            Title = input.Title, Summary = input.Summary, Body = input.Body, BodyHtml = input.BodyHtml,
            MetadataJson = input.MetadataJson, ContentHash = input.ContentHash, SearchText = input.SearchText,
            CreatedAt = now, CreatedById = userId, PublishedAt = now, ReviewedAt = now, ReviewedById = userId,
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        item.LatestVersionId = item.PublishedVersionId = version.Id;
        item.Archived = false;
        db.ContentAudit.Add(new ContentAuditEntry { ContentItemId = item.Id, VersionNumber = version.Number, Action = auditAction, UserId = userId, At = now });
    }
}
