using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Audit;

/// <summary>
/// One security- or accountability-relevant event: sign-ins and failures, role and membership changes, content
/// publishing, certificate issue and revocation, exports, data-subject requests. Rows are only ever added.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>A dotted name such as "account.sign-in.failed", "content.published", "certificate.revoked".</summary>
    public required string Action { get; set; }
    /// <summary>Who did it (null for the system or an anonymous visitor).</summary>
    public string? ActorId { get; set; }
    /// <summary>What it concerned: "user:…", "content:12", "certificate:IQ-2026-…", "organization:3".</summary>
    public string? Subject { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => e.ActorId);
    }
}
