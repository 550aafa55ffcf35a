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
    public DbSet<Features.Learning.Model.Enrollment> Enrollments => Set<Features.Learning.Model.Enrollment>();
    public DbSet<Features.Learning.Model.LessonProgress> LessonProgress => Set<Features.Learning.Model.LessonProgress>();
    public DbSet<Features.Assessments.Model.QuizAttempt> QuizAttempts => Set<Features.Assessments.Model.QuizAttempt>();
    public DbSet<Features.Assessments.Model.ScenarioRun> ScenarioRuns => Set<Features.Assessments.Model.ScenarioRun>();
    public DbSet<Features.Assessments.Model.SelfAssessmentResult> SelfAssessmentResults => Set<Features.Assessments.Model.SelfAssessmentResult>();
    public DbSet<Features.Certificates.Model.IssuedCertificate> Certificates => Set<Features.Certificates.Model.IssuedCertificate>();
    public DbSet<Features.Certificates.Model.CertificateDelivery> CertificateDeliveries => Set<Features.Certificates.Model.CertificateDelivery>();
    public DbSet<Features.Certificates.Model.SigningKeyRing> SigningKeyRings => Set<Features.Certificates.Model.SigningKeyRing>();
    public DbSet<Features.Organizations.Model.Organization> Organizations => Set<Features.Organizations.Model.Organization>();
    public DbSet<Features.Organizations.Model.OrganizationMember> OrganizationMembers => Set<Features.Organizations.Model.OrganizationMember>();
    public DbSet<Features.Organizations.Model.Invitation> Invitations => Set<Features.Organizations.Model.Invitation>();
    public DbSet<Features.Organizations.Model.Assignment> Assignments => Set<Features.Organizations.Model.Assignment>();
    public DbSet<Features.Organizations.Model.CertificateConsent> CertificateConsents => Set<Features.Organizations.Model.CertificateConsent>();
    public DbSet<Features.Organizations.Model.ReminderLog> ReminderLog => Set<Features.Organizations.Model.ReminderLog>();
    public DbSet<Features.Organizations.Model.NotificationSettings> NotificationSettings => Set<Features.Organizations.Model.NotificationSettings>();
    public DbSet<Features.Organizations.Model.CertificateExpiryReminder> CertificateExpiryReminders => Set<Features.Organizations.Model.CertificateExpiryReminder>();
    public DbSet<Features.Audit.AuditEvent> AuditEvents => Set<Features.Audit.AuditEvent>();
    public DbSet<Features.Accessibility.AccessibilityFeedback> AccessibilityFeedback => Set<Features.Accessibility.AccessibilityFeedback>();

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
