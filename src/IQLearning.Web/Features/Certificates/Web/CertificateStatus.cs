namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>What a certificate is worth today. Revoked wins over expired: a revoked certificate never becomes merely "expired".</summary>
public enum CertificateStatus { Valid, Expired, Revoked }

public static class CertificateStatuses
{
    public static CertificateStatus Of(DateTime? revokedAt, DateTime? expiresAt, DateTime now) =>
        revokedAt is not null ? CertificateStatus.Revoked
        : expiresAt is { } expires && now >= expires ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    /// <summary>The badge class of the site's stylesheet for a status.</summary>
    public static string BadgeClass(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "badge ok",
        CertificateStatus.Revoked => "badge error",
        _ => "badge",
    };
}
