using IQLearning.Web.Data;
using IQLearning.Web.Features.Audit;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Privacy;

/// <summary>One organization on the privacy page: whether it may currently receive the person's certificates.</summary>
public sealed record OrganizationConsent(int OrganizationId, string Name, bool IsMember, DateTime? GivenAt);

/// <summary>
/// The learner's consent that an organization may receive their certificates (GDPR Art. 6 (1)(a), Art. 7 (3)):
/// withdrawing is as easy as giving. Rows are never overwritten except to note the withdrawal, so the history
/// of given and withdrawn consents stays provable; giving again starts a new row.
/// </summary>
public sealed class ManageConsents(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The person's organizations, plus any organization that still holds a consent after the membership ended.</summary>
    public async Task<IReadOnlyList<OrganizationConsent>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var memberOf = db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.OrganizationId);
        var active = db.CertificateConsents.Where(c => c.UserId == userId && c.WithdrawnAt == null);
        return await db.Organizations.AsNoTracking()
            .Where(o => memberOf.Contains(o.Id) || active.Any(c => c.OrganizationId == o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationConsent(o.Id, o.Name, memberOf.Contains(o.Id),
                active.Where(c => c.OrganizationId == o.Id).OrderByDescending(c => c.GivenAt).Select(c => (DateTime?)c.GivenAt).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>False when the person is not a member of the organization: consent to an arbitrary organization is not offered.</summary>
    public async Task<bool> GiveAsync(string userId, int organizationId, CancellationToken cancellationToken)
    {
        if (!await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken)) return false;
        // A second click, or a form posted twice, changes nothing: the consent is already in force.
        if (await db.CertificateConsents.AnyAsync(c => c.UserId == userId && c.OrganizationId == organizationId && c.WithdrawnAt == null, cancellationToken))
            return true;
        db.CertificateConsents.Add(new CertificateConsent { UserId = userId, OrganizationId = organizationId, GivenAt = Now });
        audit.Record("privacy.consent-given", userId, $"organization:{organizationId}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>False when the person never had anything to do with the organization.</summary>
    public async Task<bool> WithdrawAsync(string userId, int organizationId, CancellationToken cancellationToken)
    {
        var active = await db.CertificateConsents
            .Where(c => c.UserId == userId && c.OrganizationId == organizationId && c.WithdrawnAt == null).ToListAsync(cancellationToken);
        if (active.Count == 0)
            return await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken)
                || await db.CertificateConsents.AnyAsync(c => c.UserId == userId && c.OrganizationId == organizationId, cancellationToken);
        var now = Now;
        foreach (var consent in active) consent.WithdrawnAt = now;
        audit.Record("privacy.consent-withdrawn", userId, $"organization:{organizationId}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
