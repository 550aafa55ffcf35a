using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

public sealed record MyCertificateRow(
    int Id, string Number, string CourseTitle, string CourseVersion, DateTime IssuedAt, DateTime? ExpiresAt, CertificateStatus Status,
    bool HasPdf, bool HasCredential);

/// <summary>A stored file to hand out as a download.</summary>
public sealed record CertificateFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The signed-in learner's own certificates. Every query is scoped by the owner, so another person's id is simply
/// not found (404), never forbidden (which would confirm that it exists).
/// </summary>
public sealed class MyCertificates(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyCertificateRow>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt)
            .Select(c => new { c.Id, c.Number, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, c.ExpiresAt, c.RevokedAt,
                HasPdf = c.Pdf != null, HasCredential = c.CredentialJwt != null })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new MyCertificateRow(c.Id, c.Number, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, c.ExpiresAt,
            CertificateStatuses.Of(c.RevokedAt, c.ExpiresAt, now), c.HasPdf, c.HasCredential)).ToList();
    }

    /// <summary>The PDF exactly as issued: the stored bytes, whose SHA-256 the verification page shows.</summary>
    public async Task<CertificateFile?> PdfAsync(string userId, int id, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking().Where(c => c.Id == id && c.UserId == userId && c.Pdf != null)
            .Select(c => new CertificateFile(c.Pdf!, "application/pdf", c.Number + ".pdf"))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<CertificateFile?> CredentialAsync(string userId, int id, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking().Where(c => c.Id == id && c.UserId == userId && c.CredentialJwt != null)
            .Select(c => new { c.CredentialJwt, c.Number })
            .SingleOrDefaultAsync(cancellationToken) is { } found
            ? new CertificateFile(System.Text.Encoding.ASCII.GetBytes(found.CredentialJwt!), "application/jwt", found.Number + ".jwt")
            : null;
}
