using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IQLearning.Web.Data;

/// <summary>The one DbContext of the site. Each provider derives its own context so that it owns its own migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
    public DbSet<Features.Notifications.OutboxMessage> OutboxMessages => Set<Features.Notifications.OutboxMessage>();
    public DbSet<Features.Notifications.OutboxAttachment> OutboxAttachments => Set<Features.Notifications.OutboxAttachment>();
    public DbSet<Features.Content.Model.ContentItem> ContentItems => Set<Features.Content.Model.ContentItem>();
    public DbSet<Features.Content.Model.ContentVersion> ContentVersions => Set<Features.Content.Model.ContentVersion>();
    public DbSet<Features.Content.Model.SpecialistUnit> SpecialistUnits => Set<Features.Content.Model.SpecialistUnit>();
    public DbSet<Features.Content.Model.UnitMembership> UnitMemberships => Set<Features.Content.Model.UnitMembership>();
    public DbSet<Features.Content.Model.ContentAuditEntry> ContentAudit => Set<Features.Content.Model.ContentAuditEntry>();
    public DbSet<Features.Content.Model.MediaFile> MediaFiles => Set<Features.Content.Model.MediaFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is stored as UTC and comes back marked as UTC, on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
