using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Learning.Model;

public enum EnrollmentSource { Self, Assignment }

public enum EnrollmentStatus { Active, Completed, Left }

/// <summary>One learner in one course (one row per learner and course: a double click enrols once).</summary>
public sealed class Enrollment
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The course item (stable across versions).</summary>
    public int CourseItemId { get; set; }
    public EnrollmentSource Source { get; set; }
    /// <summary>The organization assignment that created it, if any.</summary>
    public int? AssignmentId { get; set; }
    public DateTime? DueAt { get; set; }
    public EnrollmentStatus Status { get; set; }
    public DateTime EnrolledAt { get; set; }
    /// <summary>The lesson to resume at.</summary>
    public int? LastLessonItemId { get; set; }
    public DateTime? LastActivityAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The course version the learner completed (the certificate points at it).</summary>
    public int? CompletedVersionId { get; set; }
}

/// <summary>A learner's state in one lesson; keyed by the lesson item so a new course version keeps it.</summary>
public sealed class LessonProgress
{
    public int EnrollmentId { get; set; }
    public int LessonItemId { get; set; }
    public DateTime FirstOpenedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Time on task from heartbeats, each capped so an idle tab does not count.</summary>
    public int SecondsOnTask { get; set; }
    public DateTime? LastHeartbeatAt { get; set; }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.ToTable("Enrollments");
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(e => new { e.UserId, e.CourseItemId }).IsUnique();
        b.HasIndex(e => new { e.CourseItemId, e.Status });
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Content.Model.ContentItem>().WithMany().HasForeignKey(e => e.CourseItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Model.Assignment>().WithMany().HasForeignKey(e => e.AssignmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.ToTable("LessonProgress");
        b.HasKey(p => new { p.EnrollmentId, p.LessonItemId });
        b.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Content.Model.ContentItem>().WithMany().HasForeignKey(p => p.LessonItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
