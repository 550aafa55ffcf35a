using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Invitations;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Members;

public sealed record ImportSummary(int Added, int AlreadyMembers, int Invited);

public sealed record ImportOutcome(MemberCsvResult Check, ImportSummary? Summary);

/// <summary>
/// Bulk import of members from CSV, all or nothing: any bad row stores nothing and the report names every bad row.
/// Existing accounts become members at once; unknown addresses get an invitation. The database is read per 500
/// rows, not per row: a file of thousands of rows takes a few dozen queries.
/// </summary>
public sealed class ImportMembers(AppDbContext db, AddMember addMember, InviteMember invite)
{
    public async Task<ImportOutcome> RunAsync(ManagedOrganization organization, string csv, string managerId, CancellationToken cancellationToken)
    {
        var check = MemberCsv.Read(csv);
        if (!check.Succeeded) return new ImportOutcome(check, null);

        var normalized = check.Rows.Select(r => r.Email.ToUpperInvariant()).ToList();
        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var chunk in normalized.Chunk(500))
            foreach (var user in await db.Users.Where(u => chunk.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken))
                accounts[user.NormalizedEmail!] = user;

        var known = check.Rows.Where(r => accounts.ContainsKey(r.Email.ToUpperInvariant()))
            .Select(r => new NewMember(accounts[r.Email.ToUpperInvariant()], r.Role)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await addMember.AddManyAsync(organization.Id, known, cancellationToken);
        var unknown = check.Rows.Where(r => !accounts.ContainsKey(r.Email.ToUpperInvariant())).ToList();
        foreach (var row in unknown)
            await invite.InviteAsync(organization, row.Email, row.Name.Length > 0 ? row.Name : null, row.Role, managerId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(check, new ImportSummary(added, known.Count - added, unknown.Count));
    }
}
