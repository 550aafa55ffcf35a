using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Authoring;

public sealed record DashboardRow(int Id, ContentKind Kind, string Slug, string Unit, string Title, VersionStatus? LatestStatus,
    bool HasPublished, bool Archived, DateTime? LastChange);


public sealed record DashboardPage(ContentKind? Kind, VersionStatus? Status, IReadOnlyList<DashboardRow> Rows,
    IReadOnlyList<ContentKind> Creatable, bool IsAdministrator);

/// <summary>The authoring start page: the items of the actor's units, newest change first.</summary>
public sealed class AuthoringDashboard(AppDbContext db)
{
    public static readonly ContentKind[] EditorialKinds =
        [ContentKind.Course, ContentKind.Lesson, ContentKind.Material, ContentKind.Standard, ContentKind.Assessment, ContentKind.Scenario, ContentKind.Page];

    public async Task<DashboardPage> LoadAsync(ContentActor actor, ContentKind? kind, VersionStatus? status, CancellationToken cancellationToken = default)
    {
        var unitIds = actor.UnitIds.ToList();
        var items = db.ContentItems.AsNoTracking().Where(i => actor.IsAdministrator || unitIds.Contains(i.UnitId));
        if (kind is { } k) items = items.Where(i => i.Kind == k);
        var rows = await items
            .Select(i => new
            {
                i.Id, i.Kind, i.Slug, i.UnitId, Unit = i.Unit!.Name, i.Archived, HasPublished = i.PublishedVersionId != null,
                Latest = db.ContentVersions.Where(v => v.Id == i.LatestVersionId).Select(v => new { v.Title, v.Status, v.CreatedAt }).FirstOrDefault(),
                LastAudit = db.ContentAudit.Where(a => a.ContentItemId == i.Id).Max(a => (DateTime?)a.At),
            })
            .ToListAsync(cancellationToken);
        var visible = rows
            .Where(r => actor.Can(ContentPermission.ViewDrafts, r.Kind, r.UnitId))
            .Select(r => new DashboardRow(r.Id, r.Kind, r.Slug, r.Unit, r.Latest?.Title ?? r.Slug, r.Latest?.Status, r.HasPublished, r.Archived,
                Max(r.LastAudit, r.Latest?.CreatedAt)))
            .Where(r => status is null || r.LatestStatus == status)
            .OrderByDescending(r => r.LastChange).ThenBy(r => r.Title)
            .ToList();
        return new DashboardPage(kind, status, visible, await CreatableAsync(actor, cancellationToken), actor.IsAdministrator);
    }

    /// <summary>The kinds the actor may create in at least one unit.</summary>
    public async Task<IReadOnlyList<ContentKind>> CreatableAsync(ContentActor actor, CancellationToken cancellationToken = default)
    {
        var units = actor.IsAdministrator
            ? await db.SpecialistUnits.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken)
            : actor.UnitIds.ToList();
        return EditorialKinds.Where(k => units.Any(u => actor.Can(ContentPermission.EditOwn, k, u, actor.UserId))).ToList();
    }

    private static DateTime? Max(DateTime? a, DateTime? b) => a > b || b is null ? a : b;
}
