using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Members;

/// <summary>
/// Ending a membership and withdrawing an open invitation. Both are scoped by the organization in the query itself,
/// so an id from another organization matches nothing. A former member keeps their enrollments and progress; the
/// organization no longer sees them and sends them no reminders.
/// </summary>
public sealed class MemberRemovals(AppDbContext db)
{
    public async Task<bool> RemoveAsync(int organizationId, string userId, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> WithdrawAsync(int organizationId, int invitationId, CancellationToken cancellationToken) =>
        await db.Invitations.Where(i => i.Id == invitationId && i.OrganizationId == organizationId && i.AcceptedAt == null)
            .ExecuteDeleteAsync(cancellationToken) > 0;
}
