using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Issuing;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>The outcome of checking a pasted Open Badge (VC-JWT); the course and number only when the signature held.</summary>
public sealed record CredentialCheck(VcJwtStatus Status, string Reason, string? CourseTitle = null, string? Number = null)
{
    /// <summary>The status as the JSON answer spells it: valid, invalid, expired, revoked, notYetValid.</summary>
    public string StatusText => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Status.ToString());
}

/// <summary>
/// Checks a credential with <see cref="VcJwtVerifier"/> against our published keys. A credential we signed whose
/// certificate is revoked — or no longer held at all (erased on request) — counts as revoked.
/// </summary>
public sealed class VerifyCredential(AppDbContext db, IssuerSigningKeys keys, TimeProvider clock)
{
    /// <summary>A VC-JWT is a few kilobytes; anything far larger is not one of ours and is not parsed.</summary>
    public const int MaxLength = 64 * 1024;

    public async Task<CredentialCheck> CheckAsync(string? jwt, CancellationToken cancellationToken)
    {
        var token = jwt?.Trim() ?? "";
        if (token.Length is 0 or > MaxLength) return new CredentialCheck(VcJwtStatus.Invalid, "No credential, or not a compact JWS.");
        var verification = await new VcJwtVerifier(keys.Current, clock).VerifyAsync(token, IsRevokedAsync, cancellationToken);
        if (verification.Credential is not { } credential) return new CredentialCheck(verification.Status, verification.Reason);
        var id = credential["id"]?.GetValue<string>();
        return new CredentialCheck(verification.Status, verification.Reason, credential["name"]?.GetValue<string>(), NumberOf(id));
    }

    private async ValueTask<bool> IsRevokedAsync(string credentialId, CancellationToken cancellationToken)
    {
        if (NumberOf(credentialId) is not { } number) return true;
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.Number == number)
            .Select(c => new { c.VerificationUrl, c.RevokedAt }).SingleOrDefaultAsync(cancellationToken);
        return certificate is null || certificate.RevokedAt is not null || certificate.VerificationUrl != credentialId;
    }

    // The credential id is the verification URL, …/verify/IQ-YYYY-XXXX-XXXX.
    private static string? NumberOf(string? credentialId) =>
        credentialId is null ? null : CertificateNumber.Normalize(credentialId[(credentialId.LastIndexOf('/') + 1)..]);
}
