using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

public sealed class RevokeForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Certificates.Field.RevocationReason")]
    public string Reason { get; set; } = "";
}

public enum RevokeOutcome { Revoked, NotFound, AlreadyRevoked }

/// <summary>
/// Withdraws a certificate for good, with who and why. The verification page and the credential check say
/// "revoked" from then on; the PDF and the signed credential stay as issued, so they can be recognised as revoked.
/// </summary>
public sealed class RevokeCertificate(AppDbContext db, TimeProvider clock)
{
    public async Task<RevokeOutcome> RevokeAsync(int id, string reason, string officerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional update: of two officers revoking at once, the first reason stands.
        var revoked = await db.Certificates.Where(c => c.Id == id && c.RevokedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.RevokedAt, now)
            .SetProperty(c => c.RevokedById, officerId)
            .SetProperty(c => c.RevocationReason, reason.Trim()), cancellationToken);
        if (revoked == 1) return RevokeOutcome.Revoked;
        return await db.Certificates.AnyAsync(c => c.Id == id, cancellationToken) ? RevokeOutcome.AlreadyRevoked : RevokeOutcome.NotFound;
    }
}

public sealed record RevokePage(CertificateDetails Details, RevokeForm Revoke);
