using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Members;

/// <summary>
/// Makes an account a member of an organization — after an invitation was accepted or by import — and gives it every
/// "all members" assignment the organization already has. A manager also gets the site role Manager, which opens the
/// manager pages. Runs inside the caller's transaction; the caller saves.
/// </summary>
public sealed class AddMember(AppDbContext db, UserManager<ApplicationUser> users, AssignmentEnrollments enrollments, TimeProvider clock)
{
    /// <returns>False when the account was a member already (a manager role is still granted).</returns>
    public async Task<bool> AddAsync(int organizationId, ApplicationUser user, MemberRole role, CancellationToken cancellationToken)
    {
        var existing = await db.OrganizationMembers
            .FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id, cancellationToken);
        if (role == MemberRole.Manager && !await users.IsInRoleAsync(user, Roles.Manager))
            await users.AddToRoleAsync(user, Roles.Manager);
        if (existing is not null)
        {
            // An invitation as manager promotes; one as member never demotes a manager.
            if (role == MemberRole.Manager) existing.Role = MemberRole.Manager;
            return false;
        }
        db.OrganizationMembers.Add(new OrganizationMember
        {
            OrganizationId = organizationId, UserId = user.Id, Role = role, JoinedAt = clock.GetUtcNow().UtcDateTime,
        });
        await enrollments.EnrollNewMemberAsync(organizationId, user.Id, cancellationToken);
        return true;
    }
}
