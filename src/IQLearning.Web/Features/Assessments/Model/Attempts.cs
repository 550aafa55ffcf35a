using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Assessments.Model;

public enum AttemptStatus { InProgress, Submitted }

/// <summary>One attempt at a quiz (an Assessment item's version). Once submitted it never changes.</summary>
public sealed class QuizAttempt
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int AssessmentItemId { get; set; }
    /// <summary>The version the questions were taken from; the attempt keeps them even when a new version is published.</summary>
    public int AssessmentVersionId { get; set; }
    public int Number { get; set; }
    public AttemptStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>Null: no time limit (the default, WCAG 2.2.1).</summary>
    public DateTime? DeadlineAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>The question ids in the order shown (shuffled once, at start).</summary>
    public string QuestionOrderJson { get; set; } = "[]";
    /// <summary>The answers so far (autosaved), then the final answers.</summary>
    public string AnswersJson { get; set; } = "{}";
    public decimal? Points { get; set; }
    public decimal? MaxPoints { get; set; }
    public decimal? Percent { get; set; }
    public bool? Passed { get; set; }
    /// <summary>Optimistic concurrency for autosave and the one submit.</summary>
    public Guid Revision { get; set; } = Guid.NewGuid();
}

/// <summary>A learner's path through a critical-incident scenario.</summary>
public sealed class ScenarioRun
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ScenarioItemId { get; set; }
    public int ScenarioVersionId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The choices made: [{ step, option, at }].</summary>
    public string PathJson { get; set; } = "[]";
    public string? CurrentStepId { get; set; }
}

/// <summary>A private self-assessment result: shown only to the learner, never in reports.</summary>
public sealed class SelfAssessmentResult
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string InstrumentSlug { get; set; }
    public DateTime CompletedAt { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public string ProfileJson { get; set; } = "{}";
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Points).HasPrecision(9, 4);
        b.Property(a => a.MaxPoints).HasPrecision(9, 4);
        b.Property(a => a.Percent).HasPrecision(7, 4);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.HasIndex(a => new { a.UserId, a.AssessmentItemId, a.Number }).IsUnique();
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Content.Model.ContentItem>().WithMany().HasForeignKey(a => a.AssessmentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Content.Model.ContentVersion>().WithMany().HasForeignKey(a => a.AssessmentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScenarioRunConfiguration : IEntityTypeConfiguration<ScenarioRun>
{
    public void Configure(EntityTypeBuilder<ScenarioRun> b)
    {
        b.ToTable("ScenarioRuns");
        b.Property(r => r.CurrentStepId).HasMaxLength(80);
        b.HasIndex(r => new { r.UserId, r.ScenarioItemId });
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Content.Model.ContentItem>().WithMany().HasForeignKey(r => r.ScenarioItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfAssessmentResultConfiguration : IEntityTypeConfiguration<SelfAssessmentResult>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentResult> b)
    {
        b.ToTable("SelfAssessmentResults");
        b.Property(r => r.InstrumentSlug).HasMaxLength(80);
        b.HasIndex(r => new { r.UserId, r.InstrumentSlug });
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
