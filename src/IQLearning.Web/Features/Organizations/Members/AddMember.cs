using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Members;

public sealed record NewMember(ApplicationUser User, MemberRole Role);

/// <summary>
/// Makes accounts members of an organization — after an invitation was accepted or by import — and gives them every
/// "all members" assignment the organization already has. A manager also gets the site role Manager, which opens the
/// manager pages. Reads what exists for all of them at once (a few queries per 500 accounts, not per account), so a
/// large import stays fast. Runs inside the caller's transaction; the caller saves.
/// </summary>
public sealed class AddMember(AppDbContext db, AssignmentEnrollments enrollments, TimeProvider clock)
{
    private const int Chunk = 500;

    /// <returns>False when the account was a member already (a manager role is still granted).</returns>
    public async Task<bool> AddAsync(int organizationId, ApplicationUser user, MemberRole role, CancellationToken cancellationToken) =>
        await AddManyAsync(organizationId, [new NewMember(user, role)], cancellationToken) == 1;

    /// <returns>How many became members; the others were members already.</returns>
    public async Task<int> AddManyAsync(int organizationId, IReadOnlyList<NewMember> newMembers, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, OrganizationMember>();
        var managersAlready = new HashSet<string>();
        var managerRoleId = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(cancellationToken);
        foreach (var chunk in newMembers.Select(m => m.User.Id).Chunk(Chunk))
        {
            foreach (var member in await db.OrganizationMembers
                         .Where(m => m.OrganizationId == organizationId && chunk.Contains(m.UserId)).ToListAsync(cancellationToken))
                existing[member.UserId] = member;
            managersAlready.UnionWith(await db.UserRoles.Where(r => chunk.Contains(r.UserId) && r.RoleId == managerRoleId)
                .Select(r => r.UserId).ToListAsync(cancellationToken));
        }

        var joined = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (user, role) in newMembers)
        {
            // The role row itself rather than UserManager.AddToRoleAsync, which would save (and query) once per manager.
            if (role == MemberRole.Manager && managersAlready.Add(user.Id))
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = managerRoleId });
            if (existing.TryGetValue(user.Id, out var member))
            {
                // An invitation as manager promotes; one as member never demotes a manager.
                if (role == MemberRole.Manager) member.Role = MemberRole.Manager;
                continue;
            }
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = user.Id, Role = role, JoinedAt = now });
            joined.Add(user.Id);
        }
        await enrollments.EnrollNewMembersAsync(organizationId, joined, cancellationToken);
        return joined.Count;
    }
}
