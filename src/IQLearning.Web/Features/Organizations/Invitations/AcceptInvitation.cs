using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Invitations;

public enum InvitationState { Open, Expired, Accepted, Unknown }

public enum AcceptOutcome { Accepted, WrongAccount, Refused }

public sealed record InvitationView(string Token, InvitationState State, int OrganizationId, string Organization, string Email, MemberRole Role);

/// <summary>
/// Opening and accepting an invitation link. Only the account with the invited address can accept it: the link in a
/// forwarded mail does not make someone else a member.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, AddMember addMember, TimeProvider clock)
{
    public async Task<InvitationView> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var hash = InvitationToken.Hash(token);
        var found = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { i.OrganizationId, o.Name, i.Email, i.Role, i.ExpiresAt, i.AcceptedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return new InvitationView(token, InvitationState.Unknown, 0, "", "", MemberRole.Member);
        var state = found.AcceptedAt is not null ? InvitationState.Accepted
            : found.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? InvitationState.Expired
            : InvitationState.Open;
        return new InvitationView(token, state, found.OrganizationId, found.Name, found.Email, found.Role);
    }

    public async Task<AcceptOutcome> AcceptAsync(string token, ApplicationUser user, CancellationToken cancellationToken)
    {
        var hash = InvitationToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null || invitation.ExpiresAt <= now) return AcceptOutcome.Refused;
        if (!user.EmailConfirmed || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
            return AcceptOutcome.WrongAccount;
        invitation.AcceptedAt = now;
        await addMember.AddAsync(invitation.OrganizationId, user, invitation.Role, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AcceptOutcome.Accepted;
    }
}
