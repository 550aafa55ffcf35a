using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Content.Model;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> b)
    {
        b.ToTable("ContentItems");
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Slug).HasMaxLength(120);
        b.Property(i => i.Language).HasMaxLength(8);
        b.HasIndex(i => new { i.Kind, i.Slug }).IsUnique();
        b.HasIndex(i => i.ParentId);
        b.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Versions).WithOne(v => v.Item).HasForeignKey(v => v.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContentItem>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContentItem>().WithMany().HasForeignKey(i => i.TranslationOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> b)
    {
        b.ToTable("ContentVersions");
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Title).HasMaxLength(300);
        b.Property(v => v.Summary).HasMaxLength(2000);
        b.Property(v => v.ContentHash).HasMaxLength(64);
        b.HasIndex(v => new { v.ContentItemId, v.Number }).IsUnique();
        b.HasIndex(v => v.Status);
    }
}

internal sealed class SpecialistUnitConfiguration : IEntityTypeConfiguration<SpecialistUnit>
{
    public void Configure(EntityTypeBuilder<SpecialistUnit> b)
    {
        b.ToTable("SpecialistUnits");
        b.Property(u => u.Slug).HasMaxLength(80);
        b.Property(u => u.Name).HasMaxLength(300);
        b.HasIndex(u => u.Slug).IsUnique();
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> b)
    {
        b.ToTable("UnitMemberships");
        b.HasKey(m => new { m.UnitId, m.UserId });
        b.HasOne<SpecialistUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentAuditEntryConfiguration : IEntityTypeConfiguration<ContentAuditEntry>
{
    public void Configure(EntityTypeBuilder<ContentAuditEntry> b)
    {
        b.ToTable("ContentAudit");
        b.Property(a => a.Action).HasMaxLength(32);
        b.Property(a => a.Comment).HasMaxLength(2000);
        b.HasIndex(a => new { a.ContentItemId, a.At });
        b.HasOne<ContentItem>().WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> b)
    {
        b.ToTable("MediaFiles");
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.FileName).HasMaxLength(200);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.AltText).HasMaxLength(500);
        b.HasIndex(m => new { m.UnitId, m.Sha256 }).IsUnique();
        b.HasOne<SpecialistUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
