using System.Security.Claims;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations;

/// <summary>The organization as the person asking may see it.</summary>
public sealed record ManagedOrganization(int Id, string Name, OrganizationKind Kind, bool AggregateOnly);

/// <summary>
/// The one place that decides whether someone may manage an organization: administrators may manage every one,
/// managers only those they are a manager of. Everything else is answered as if the organization did not exist (404),
/// so a manager of A cannot even learn that B's id is taken.
/// </summary>
public sealed class OrganizationAccess(AppDbContext db, UserManager<ApplicationUser> users)
{
    public Task<ManagedOrganization?> FindAsync(int organizationId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = users.GetUserId(user) ?? "";
        var isAdministrator = user.IsInRole(Roles.Administrator);
        return db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId && (isAdministrator || db.OrganizationMembers.Any(m =>
                m.OrganizationId == o.Id && m.UserId == userId && m.Role == MemberRole.Manager)))
            .Select(o => new ManagedOrganization(o.Id, o.Name, o.Kind, o.AggregateOnly))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
