using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace IQLearning.Web.Features.Authoring;

/// <summary>
/// What the editor posts: the fields every kind has, then the kind-specific ones that become the version's
/// MetadataJson (<see cref="EditorMetadata"/>). Optional text is nullable because MVC binds an empty field as null.
/// </summary>
public sealed class EditorForm
{
    [Display(Name = "Authoring.Field.UnitId")] public int? UnitId { get; set; }
    [Display(Name = "Authoring.Field.Slug")] public string? Slug { get; set; }
    [Display(Name = "Authoring.Field.Language")] public string? Language { get; set; } = "de";

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Authoring.Field.Title")]
    public string? Title { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Authoring.Field.Body")] public string? Body { get; set; }

    // Lesson (and the course an assessment or scenario belongs to)
    [Display(Name = "Authoring.Field.CourseId")] public int? CourseId { get; set; }
    [Display(Name = "Authoring.Field.FileName")] public string? FileName { get; set; }

    [Range(1, 100_000, ErrorMessage = "Authoring.Validation.Positive"), Display(Name = "Authoring.Field.DurationMinutes")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Authoring.Field.LessonRequired")] public bool LessonRequired { get; set; } = true;

    // Course and material
    [Display(Name = "Authoring.Field.Audiences")] public List<string> Audiences { get; set; } = [];
    [Display(Name = "Authoring.Field.Topics")] public string? Topics { get; set; }

    // Course
    [Display(Name = "Authoring.Field.Outcomes")] public string? Outcomes { get; set; }
    [Display(Name = "Authoring.Field.Standards")] public List<string> Standards { get; set; } = [];

    [Range(1, 100, ErrorMessage = "Authoring.Validation.PassMark"), Display(Name = "Authoring.Field.PassMark")]
    public int? PassMark { get; set; }

    [Range(0, 600, ErrorMessage = "Authoring.Validation.Validity"), Display(Name = "Authoring.Field.ValidityMonths")]
    public int? ValidityMonths { get; set; }

    [Display(Name = "Authoring.Field.Modules")] public string? Modules { get; set; }

    // Standard
    [StringLength(40, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.Code")] public string? Code { get; set; }
    [StringLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.StandardVersion")] public string? StandardVersion { get; set; }
    [Display(Name = "Authoring.Field.ValidFrom")] public DateOnly? ValidFrom { get; set; }

    // Assessment: a GIFT file replaces the text of the body
    [Display(Name = "Authoring.Field.GiftFile")] public IFormFile? GiftFile { get; set; }

    // Assessment: how the quiz is taken (empty = unlimited attempts, no time limit)
    [Range(1, 100, ErrorMessage = "Authoring.Validation.Attempts"), Display(Name = "Authoring.Field.AttemptsAllowed")]
    public int? AttemptsAllowed { get; set; }

    [Display(Name = "Authoring.Field.Shuffle")] public bool Shuffle { get; set; } = true;

    [Range(1, 600, ErrorMessage = "Authoring.Validation.TimeLimit"), Display(Name = "Authoring.Field.TimeLimitMinutes")]
    public int? TimeLimitMinutes { get; set; }

    /// <summary>What the page shows around the form; never bound from the request.</summary>
    [BindNever, ValidateNever] public EditorContext Context { get; set; } = null!;
}

public sealed record UnitChoice(int Id, string Name);

public sealed record CourseChoice(int Id, int UnitId, string Title, string Slug);

public sealed record StandardChoice(string Slug, string Title);

/// <summary>The units, courses and standards an actor may pick from in the editor.</summary>
public sealed record EditorChoiceLists(IReadOnlyList<UnitChoice> Units, IReadOnlyList<CourseChoice> Courses, IReadOnlyList<StandardChoice> Standards);

/// <param name="ItemId">Null while the item is being created.</param>
/// <param name="Fixed">Unit, slug, language and course of an existing item, which a new draft cannot change.</param>
public sealed record EditorContext(ContentKind Kind, int? ItemId, EditorChoiceLists Choices, ExistingItem? Fixed, EditorPreview? Preview)
{
    public bool IsNew => ItemId is null;
    public string Action => IsNew ? $"/author/new/{Kind.ToString().ToLowerInvariant()}" : $"/author/items/{ItemId}/edit";
    public bool HasParent => Kind is ContentKind.Lesson or ContentKind.Assessment or ContentKind.Scenario;
    public bool IsMarkdown => Kind is not (ContentKind.Assessment or ContentKind.Scenario);
}

public sealed record ExistingItem(string Slug, string Language, string Unit, string? Course);
