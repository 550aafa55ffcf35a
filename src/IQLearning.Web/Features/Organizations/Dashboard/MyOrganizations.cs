using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Dashboard;

public sealed record MyOrganization(int Id, string Name, OrganizationKind Kind);

/// <summary>The organizations someone manages (the entry "My organization").</summary>
public sealed class MyOrganizations(AppDbContext db)
{
    public Task<List<MyOrganization>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId && m.Role == MemberRole.Manager)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o)
            .OrderBy(o => o.Name).Select(o => new MyOrganization(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken);
}
