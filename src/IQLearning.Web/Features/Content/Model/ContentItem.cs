namespace IQLearning.Web.Features.Content.Model;

public enum ContentKind { Course, Lesson, Material, Standard, Page, Assessment, Scenario }

/// <summary>Draft → InReview → Published; a newer published version makes the older one Superseded.</summary>
public enum VersionStatus { Draft, InReview, Published, Superseded, Archived }

/// <summary>
/// One piece of content with a stable identity (kind + slug) across all its versions, like Orchard Core's
/// ContentItem. Learners' progress and certificates point at items and versions, never at titles.
/// </summary>
public sealed class ContentItem
{
    public int Id { get; set; }
    public ContentKind Kind { get; set; }
    /// <summary>Stable id: the course/material/standard slug, the lesson id, the scenario id.</summary>
    public required string Slug { get; set; }
    public int UnitId { get; set; }
    public SpecialistUnit? Unit { get; set; }
    public required string Language { get; set; }
    /// <summary>The item this one translates (same kind).</summary>
    public int? TranslationOfId { get; set; }
    /// <summary>The course a lesson, assessment or scenario belongs to.</summary>
    public int? ParentId { get; set; }
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public int? PublishedVersionId { get; set; }
    public int? LatestVersionId { get; set; }
    public List<ContentVersion> Versions { get; set; } = [];
}

/// <summary>One saved state of an item. Every save is a new version; a published version is never changed.</summary>
public sealed class ContentVersion
{
    public int Id { get; set; }
    public int ContentItemId { get; set; }
    public ContentItem? Item { get; set; }
    public int Number { get; set; }
    public VersionStatus Status { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>The source: Markdown for texts, GIFT for assessments, YAML for scenarios.</summary>
    public required string Body { get; set; }
    /// <summary>Sanitised HTML rendered once at save time; pages never run Markdig on the request path.</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary>Kind-specific fields (course structure, certificate rules, standard code …) as JSON.</summary>
    public string MetadataJson { get; set; } = "{}";
    /// <summary>SHA-256 of the normalised source and metadata: an unchanged import makes no new version.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Lower-case plain text of title, summary and body for search.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>A specialist unit (Fachstelle) that owns and issues content.</summary>
public sealed class SpecialistUnit
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>Authors and reviewers act within the units they belong to.</summary>
public sealed class UnitMembership
{
    public int UnitId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>Append-only record of what happened to content: who, when, which version.</summary>
public sealed class ContentAuditEntry
{
    public long Id { get; set; }
    public int ContentItemId { get; set; }
    public int? VersionNumber { get; set; }
    public required string Action { get; set; }
    public string? UserId { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}

/// <summary>An uploaded file, stored under its SHA-256 name outside the web root.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public string? AltText { get; set; }
    /// <summary>For videos: the WebVTT captions file (another media file).</summary>
    public int? CaptionsId { get; set; }
    public int UnitId { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }
}
