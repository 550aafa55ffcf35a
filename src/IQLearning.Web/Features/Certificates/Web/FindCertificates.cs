using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

public sealed record CertificateAdminRow(
    int Id, string Number, string HolderName, string CourseTitle, string CourseVersion, DateTime IssuedAt, CertificateStatus Status, string IssuedBy);

public sealed record CertificateSearch(string? Query, IReadOnlyList<CertificateAdminRow> Results);

public sealed record CertificateDetails(
    CertificateAdminRow Certificate, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevocationReason, string PdfSha256,
    IReadOnlyList<DeliveryRow> Deliveries);

/// <summary>Reviewers and administrators find certificates by number or holder name.</summary>
public sealed class FindCertificates(AppDbContext db, TimeProvider clock, DeliveryLog deliveries)
{
    public const int MaxResults = 200;

    public async Task<CertificateSearch> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var certificates = db.Certificates.AsNoTracking();
        if (CertificateNumber.Normalize(query) is { } number) certificates = certificates.Where(c => c.Number == number);
        else if (!string.IsNullOrWhiteSpace(query))
        {
            var term = query.Trim().ToUpperInvariant();
            certificates = certificates.Where(c => c.HolderName.ToUpper().Contains(term) || c.Number.Contains(term));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await certificates.OrderByDescending(c => c.IssuedAt).Take(MaxResults)
            .Select(c => new { c.Id, c.Number, c.HolderName, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, c.RevokedAt, c.ExpiresAt, c.IssuedBy })
            .ToListAsync(cancellationToken);
        return new CertificateSearch(query, rows.Select(c => new CertificateAdminRow(c.Id, c.Number, c.HolderName, c.CourseTitle,
            c.CourseVersionLabel, c.IssuedAt, CertificateStatuses.Of(c.RevokedAt, c.ExpiresAt, now), c.IssuedBy)).ToList());
    }

    public async Task<CertificateDetails?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var c = await db.Certificates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Number, c.HolderName, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, c.RevokedAt, c.ExpiresAt,
                c.IssuedBy, c.RevocationReason, c.PdfSha256 })
            .SingleOrDefaultAsync(cancellationToken);
        if (c is null) return null;
        var status = CertificateStatuses.Of(c.RevokedAt, c.ExpiresAt, clock.GetUtcNow().UtcDateTime);
        return new CertificateDetails(
            new CertificateAdminRow(c.Id, c.Number, c.HolderName, c.CourseTitle, c.CourseVersionLabel, c.IssuedAt, status, c.IssuedBy),
            c.ExpiresAt, c.RevokedAt, c.RevocationReason, c.PdfSha256, await deliveries.ListAsync(id, cancellationToken));
    }
}
