using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Organizations.Model;

public enum OrganizationKind { Employer, JobCentre, Administration, SpecialistUnit, RegionalNetwork }

public enum MemberRole { Member, Manager }

/// <summary>An employer, job centre, administration, specialist unit or one of the regional networks.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }
    /// <summary>The regional network (an organization of kind RegionalNetwork) it belongs to.</summary>
    public int? RegionalNetworkId { get; set; }
    /// <summary>Addresses that receive certificates (with a lawful basis), separated by new lines.</summary>
    public string CertificateRecipients { get; set; } = "";
    /// <summary>Whether the mail to the organization carries the PDF, or only the minimum and the verification link.</summary>
    public bool AttachPdfToRecipientMail { get; set; }
    /// <summary>Works/staff-council agreement: managers see counts, never names.</summary>
    public bool AggregateOnly { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class OrganizationMember
{
    public int OrganizationId { get; set; }
    public required string UserId { get; set; }
    public MemberRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>An invitation by mail; the link carries a token whose hash is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Email { get; set; }
    public MemberRole Role { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? InvitedById { get; set; }
}

/// <summary>A course a manager assigned to members (or all), with due date, mandatory flag and recurrence.</summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int CourseItemId { get; set; }
    public DateTime DueAt { get; set; }
    public bool Mandatory { get; set; }
    /// <summary>Months after which a new assignment is made when the certificate expires; null for once.</summary>
    public int? RecurrenceMonths { get; set; }
    public bool AllMembers { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
}

/// <summary>The learner's consent that an organization may receive their certificates (GDPR Art. 6(1)(a), 7).</summary>
public sealed class CertificateConsent
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int OrganizationId { get; set; }
    public DateTime GivenAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>A reminder that was sent; its unique key makes a second run of the reminder job a no-op.</summary>
public sealed class ReminderLog
{
    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    /// <summary>"before-due", "due", "overdue-escalation", "expiry", "digest".</summary>
    public required string Kind { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>
/// What a user turned off of the notifications that are not legally required; no row means everything is on.
/// Reminders and escalations of mandatory training are not here: they cannot be turned off.
/// </summary>
public sealed class NotificationSettings
{
    public required string UserId { get; set; }
    /// <summary>Reminders before and on the due date of an optional (non-mandatory) assignment.</summary>
    public bool OptionalAssignmentReminders { get; set; } = true;
    /// <summary>Reminders before a certificate of a non-mandatory course expires.</summary>
    public bool OptionalExpiryReminders { get; set; } = true;
    /// <summary>Managers: the weekly digest.</summary>
    public bool ManagerDigest { get; set; } = true;
    /// <summary>Managers: overdue and expiry notices about optional courses.</summary>
    public bool OptionalEscalations { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One reminder stage (e.g. 60 or 14 days before) sent for a certificate; unique, so a second run is a no-op.</summary>
public sealed class CertificateExpiryReminder
{
    public int Id { get; set; }
    public int CertificateId { get; set; }
    public int DaysBefore { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class OrganizationConfigurations :
    IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<OrganizationMember>, IEntityTypeConfiguration<Invitation>,
    IEntityTypeConfiguration<Assignment>, IEntityTypeConfiguration<CertificateConsent>, IEntityTypeConfiguration<ReminderLog>,
    IEntityTypeConfiguration<NotificationSettings>, IEntityTypeConfiguration<CertificateExpiryReminder>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> b)
    {
        b.ToTable("NotificationSettings");
        b.HasKey(s => s.UserId);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CertificateExpiryReminder> b)
    {
        b.ToTable("CertificateExpiryReminders");
        b.HasIndex(r => new { r.CertificateId, r.DaysBefore }).IsUnique();
        b.HasOne<Certificates.Model.IssuedCertificate>().WithMany().HasForeignKey(r => r.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.CertificateRecipients).HasMaxLength(4000);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.RegionalNetworkId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OrganizationMember> b)
    {
        b.ToTable("OrganizationMembers");
        b.HasKey(m => new { m.OrganizationId, m.UserId });
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => m.UserId);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(i => i.Email).HasMaxLength(320);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.HasIndex(a => new { a.OrganizationId, a.CourseItemId });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Content.Model.ContentItem>().WithMany().HasForeignKey(a => a.CourseItemId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CertificateConsent> b)
    {
        b.ToTable("CertificateConsents");
        b.HasIndex(c => new { c.UserId, c.OrganizationId });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReminderLog> b)
    {
        b.ToTable("ReminderLog");
        b.Property(r => r.Kind).HasMaxLength(32);
        b.HasIndex(r => new { r.EnrollmentId, r.Kind, r.DueAt }).IsUnique();
        b.HasOne<Learning.Model.Enrollment>().WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
