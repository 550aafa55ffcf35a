using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Certificates.Model;

/// <summary>
/// A certificate as issued: a snapshot that never changes (holder, course version, outcomes …) plus the stored
/// PDF with its SHA-256 and the signed Open Badges credential. Revocation and erasure are recorded beside it.
/// </summary>
public sealed class IssuedCertificate
{
    public int Id { get; set; }
    /// <summary>IQ-YYYY-XXXX-XXXX; unique.</summary>
    public required string Number { get; set; }
    /// <summary>Null after the holder deleted their account and chose to keep a verification record.</summary>
    public string? UserId { get; set; }
    /// <summary>The enrollment it was issued for; with <see cref="IssuedAt"/> (the completion time) unique, so a second issue for the same completion is a no-op.</summary>
    public int? EnrollmentId { get; set; }
    public int CourseItemId { get; set; }
    public int CourseVersionId { get; set; }
    public required string HolderName { get; set; }
    /// <summary>SHA-256 of the holder name, kept when the name itself is erased.</summary>
    public string? HolderNameHash { get; set; }
    public required string CourseTitle { get; set; }
    public required string CourseVersionLabel { get; set; }
    public decimal Hours { get; set; }
    public string OutcomesJson { get; set; } = "[]";
    public required string IssuingUnit { get; set; }
    public required string Language { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public required string VerificationUrl { get; set; }
    public byte[]? Pdf { get; set; }
    public required string PdfSha256 { get; set; }
    public string? CredentialJwt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedById { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>How it came about: "completion", "manual", "bulk".</summary>
    public required string IssuedBy { get; set; }
    public string? IssuedById { get; set; }
}

public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>One mail carrying a certificate to one recipient; unique per certificate and address (no duplicates).</summary>
public sealed class CertificateDelivery
{
    public int Id { get; set; }
    public int CertificateId { get; set; }
    /// <summary>"learner" or "organization".</summary>
    public required string RecipientKind { get; set; }
    public int? OrganizationId { get; set; }
    public required string Address { get; set; }
    /// <summary>"consent" or "assignment": the lawful basis for an organization recipient.</summary>
    public string? LawfulBasis { get; set; }
    public Guid? OutboxMessageId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The platform's signing keys for credentials, protected with ASP.NET Core Data Protection.</summary>
public sealed class SigningKeyRing
{
    public int Id { get; set; }
    public required byte[] ProtectedKeys { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class IssuedCertificateConfiguration : IEntityTypeConfiguration<IssuedCertificate>
{
    public void Configure(EntityTypeBuilder<IssuedCertificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.Number).HasMaxLength(20);
        b.HasIndex(c => c.Number).IsUnique();
        // One certificate per completion: an enrollment completed again after a recertification gets a new one.
        b.HasIndex(c => new { c.EnrollmentId, c.IssuedAt }).IsUnique();
        b.HasIndex(c => c.UserId);
        b.Property(c => c.HolderName).HasMaxLength(200);
        b.Property(c => c.HolderNameHash).HasMaxLength(64);
        b.Property(c => c.CourseTitle).HasMaxLength(300);
        b.Property(c => c.CourseVersionLabel).HasMaxLength(40);
        b.Property(c => c.IssuingUnit).HasMaxLength(300);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.VerificationUrl).HasMaxLength(500);
        b.Property(c => c.PdfSha256).HasMaxLength(64);
        b.Property(c => c.RevocationReason).HasMaxLength(1000);
        b.Property(c => c.IssuedBy).HasMaxLength(16);
        b.Property(c => c.Hours).HasPrecision(6, 2);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Learning.Model.Enrollment>().WithMany().HasForeignKey(c => c.EnrollmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CertificateDeliveryConfiguration : IEntityTypeConfiguration<CertificateDelivery>
{
    public void Configure(EntityTypeBuilder<CertificateDelivery> b)
    {
        b.ToTable("CertificateDeliveries");
        b.Property(d => d.RecipientKind).HasMaxLength(16);
        b.Property(d => d.Address).HasMaxLength(320);
        b.Property(d => d.LawfulBasis).HasMaxLength(16);
        b.HasIndex(d => new { d.CertificateId, d.Address }).IsUnique();
        b.HasOne<IssuedCertificate>().WithMany().HasForeignKey(d => d.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SigningKeyRingConfiguration : IEntityTypeConfiguration<SigningKeyRing>
{
    public void Configure(EntityTypeBuilder<SigningKeyRing> b) => b.ToTable("SigningKeyRings");
}
