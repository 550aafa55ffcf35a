using System.Text.RegularExpressions;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

public enum HashCheck { NotAsked, Matches, Differs, NotAHash }

/// <summary>
/// What the public verification page shows: the status and what the certificate itself shows — holder, course and
/// version, dates, issuer — plus the PDF's SHA-256. Nothing else about the person (data minimisation).
/// </summary>
public sealed record VerificationResult(
    string Number, CertificateStatus Status, string HolderName, string CourseTitle, string CourseVersion, DateTime IssuedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt, string IssuingUnit, string PdfSha256, HashCheck HashCheck, string? CheckedHash);

/// <summary>Looks a certificate up by its number for anyone; an unknown, malformed or guessed number is simply not found.</summary>
public sealed partial class VerifyCertificate(AppDbContext db, TimeProvider clock)
{
    public async Task<VerificationResult?> FindAsync(string? number, string? sha256, CancellationToken cancellationToken)
    {
        if (CertificateNumber.Normalize(number) is not { } canonical) return null;
        var found = await db.Certificates.AsNoTracking().Where(c => c.Number == canonical)
            .Select(c => new { c.Number, c.RevokedAt, c.ExpiresAt, c.HolderName, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, c.IssuingUnit, c.PdfSha256 })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var (check, checkedHash) = Compare(sha256, found.PdfSha256);
        return new VerificationResult(found.Number, CertificateStatuses.Of(found.RevokedAt, found.ExpiresAt, clock.GetUtcNow().UtcDateTime),
            found.HolderName, found.CourseTitle, found.CourseVersionLabel, found.IssuedAt, found.ExpiresAt, found.RevokedAt,
            found.IssuingUnit, found.PdfSha256, check, checkedHash);
    }

    /// <summary>
    /// Compares a pasted hash (from <c>sha256sum</c>, <c>Get-FileHash</c> or <c>shasum -a 256</c>: any case, spaces or a file name
    /// after it are fine) with the stored one, so anyone can check a PDF without uploading it.
    /// </summary>
    internal static (HashCheck, string?) Compare(string? pasted, string stored)
    {
        if (string.IsNullOrWhiteSpace(pasted)) return (HashCheck.NotAsked, null);
        var match = HexHash().Match(pasted.Replace(" ", "").Replace(":", ""));
        if (!match.Success) return (HashCheck.NotAHash, pasted.Trim());
        var hash = match.Groups[1].Value.ToLowerInvariant();
        return (hash == stored ? HashCheck.Matches : HashCheck.Differs, hash);
    }

    [GeneratedRegex("^(?:sha-?256)?([0-9a-f]{64})(?![0-9a-f])", RegexOptions.IgnoreCase)]
    private static partial Regex HexHash();
}
