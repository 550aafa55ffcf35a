using System.Security.Claims;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Content.Authoring;

public enum ContentPermission { ViewDrafts, EditOwn, Edit, ReviewPublish, Archive }

/// <summary>
/// Who may do what with which kind of content, like Orchard Core's securable content types: default
/// permissions per role and kind; authors and reviewers act only within their own specialist units.
/// </summary>
public static class ContentPermissionDefaults
{
    private static readonly ContentKind[] Editorial =
        [ContentKind.Course, ContentKind.Lesson, ContentKind.Material, ContentKind.Standard, ContentKind.Assessment, ContentKind.Scenario];

    private static readonly Dictionary<string, ContentPermission[]> ByRole = new()
    {
        [Roles.Author] = [ContentPermission.ViewDrafts, ContentPermission.EditOwn],
        [Roles.Reviewer] = [ContentPermission.ViewDrafts, ContentPermission.Edit, ContentPermission.ReviewPublish, ContentPermission.Archive],
    };

    /// <summary>Whether a role grants the permission on a kind (pages are the administrators' alone).</summary>
    public static bool Grants(string role, ContentPermission permission, ContentKind kind) =>
        Editorial.Contains(kind) && ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);
}

/// <summary>The person acting on content: roles and the units they belong to.</summary>
public sealed record ContentActor(string UserId, IReadOnlySet<string> Roles, IReadOnlySet<int> UnitIds)
{
    public bool IsAdministrator => Roles.Contains(Accounts.Roles.Administrator);

    public bool Can(ContentPermission permission, ContentKind kind, int unitId, string? ownerId = null)
    {
        if (IsAdministrator) return true;
        if (!UnitIds.Contains(unitId)) return false;
        bool Has(ContentPermission p) => Roles.Any(r => ContentPermissionDefaults.Grants(r, p, kind));
        return permission == ContentPermission.EditOwn
            ? Has(ContentPermission.Edit) || (Has(ContentPermission.EditOwn) && ownerId == UserId)
            : Has(permission);
    }

    public bool CanEdit(ContentItem item) => Can(ContentPermission.EditOwn, item.Kind, item.UnitId, item.CreatedById);

    public bool IsAuthoring => IsAdministrator || Roles.Contains(Accounts.Roles.Author) || Roles.Contains(Accounts.Roles.Reviewer);
}

public sealed class ContentActors(AppDbContext db)
{
    public async Task<ContentActor> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var units = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == id).Select(m => m.UnitId).ToListAsync(cancellationToken);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new ContentActor(id, roles, units.ToHashSet());
    }
}
