using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Invitations;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Members;

public sealed record MemberRow(string UserId, string Name, string Email, MemberRole Role, DateTime JoinedAt);
public sealed record PendingInvitation(int Id, string Email, MemberRole Role, DateTime ExpiresAt);

public sealed record MembersView(
    ManagedOrganization Organization, int MemberCount, int ManagerCount, int PendingCount,
    IReadOnlyList<MemberRow> Members, IReadOnlyList<PendingInvitation> Pending, string? Query, int Page, int PageCount,
    InvitationForm Invitation, ImportOutcome? Import);

/// <summary>
/// The members of an organization with the open invitations; in aggregate-only mode counts only, because the
/// works-council agreement allows no names.
/// </summary>
public sealed class MembersPage(AppDbContext db, TimeProvider clock, IOptions<OrganizationsOptions> options)
{
    public async Task<MembersView> LoadAsync(ManagedOrganization organization, string? query, int page,
        InvitationForm? invitation, ImportOutcome? import, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organization.Id)
            .GroupBy(m => m.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pendingQuery = db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organization.Id && i.AcceptedAt == null && i.ExpiresAt > now);
        var memberCount = counts.Sum(c => c.Count);
        var view = new MembersView(organization, memberCount, counts.Where(c => c.Role == MemberRole.Manager).Sum(c => c.Count),
            await pendingQuery.CountAsync(cancellationToken), [], [], query, 1, 1, invitation ?? new InvitationForm(), import);
        if (organization.AggregateOnly) return view;

        var members = db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organization.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, u.Email, m.Role, m.JoinedAt });
        if (!string.IsNullOrWhiteSpace(query))
        {
            var pattern = MemberSearch.LikePattern(query);
            members = members.Where(m => EF.Functions.Like(m.DisplayName, pattern, "\\") || EF.Functions.Like(m.Email!, pattern, "\\"));
        }
        var size = options.Value.DashboardPageSize;
        var pageCount = Math.Max(1, (await members.CountAsync(cancellationToken) + size - 1) / size);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await members.OrderBy(m => m.DisplayName).ThenBy(m => m.Email).Skip((page - 1) * size).Take(size)
            .Select(m => new MemberRow(m.UserId, m.DisplayName, m.Email ?? "", m.Role, m.JoinedAt)).ToListAsync(cancellationToken);
        var pending = await pendingQuery.OrderBy(i => i.Email).Take(200)
            .Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.ExpiresAt)).ToListAsync(cancellationToken);
        return view with { Members = rows, Pending = pending, Page = page, PageCount = pageCount };
    }
}
