using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>A barrier reported through the feedback form of the accessibility statement (BITV 2.0 § 7), and its answer.</summary>
public sealed class AccessibilityFeedback
{
    public int Id { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? Name { get; set; }
    /// <summary>Where to send the answer; optional (anonymous reports are allowed).</summary>
    public string? Email { get; set; }
    /// <summary>The page the barrier is on.</summary>
    public string? PageUrl { get; set; }
    public required string Message { get; set; }
    public string? UserId { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }
    public string? Answer { get; set; }
}

internal sealed class AccessibilityFeedbackConfiguration : IEntityTypeConfiguration<AccessibilityFeedback>
{
    public void Configure(EntityTypeBuilder<AccessibilityFeedback> b)
    {
        b.ToTable("AccessibilityFeedback");
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Email).HasMaxLength(320);
        b.Property(f => f.PageUrl).HasMaxLength(500);
        b.Property(f => f.Message).HasMaxLength(5000);
        b.Property(f => f.Answer).HasMaxLength(5000);
        b.HasIndex(f => f.ReceivedAt);
    }
}
