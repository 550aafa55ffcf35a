namespace IQLearning.Web.Features.Content.Files;

/// <summary>Everything in a <c>content/</c> folder, validated (see docs/content-format.md).</summary>
public sealed record ContentPackage(
    EquatableList<SpecialistUnit> Units,
    EquatableList<Course> Courses,
    EquatableList<Material> Materials,
    EquatableList<QualityStandard> Standards);

/// <summary>A specialist unit of units.yml that owns and issues content.</summary>
public sealed record SpecialistUnit(string Slug, string Name, string? Description);

public sealed record Course
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Language { get; init; }
    public string? TranslationOf { get; init; }
    public required string Summary { get; init; }
    public required string Unit { get; init; }
    public required EquatableList<string> Audiences { get; init; }
    public EquatableList<string> Topics { get; init; } = [];
    public required int DurationMinutes { get; init; }
    public required EquatableList<string> Outcomes { get; init; }
    public EquatableList<string> Standards { get; init; } = [];
    public required CertificateRules Certificate { get; init; }

    /// <summary>The GIFT file named by <c>assessment:</c>, unparsed; null for a course without a test.</summary>
    public RawTextFile? Assessment { get; init; }

    /// <summary>The scenario files named by <c>scenarios:</c>, in that order, unparsed.</summary>
    public EquatableList<RawTextFile> Scenarios { get; init; } = [];

    /// <summary>Modules in order; each lesson belongs to exactly one module.</summary>
    public required EquatableList<CourseModule> Modules { get; init; }

    /// <summary>The course description, Markdown as written.</summary>
    public string Description { get; init; } = "";

    public IEnumerable<Lesson> Lessons => Modules.SelectMany(m => m.Lessons);
}

public sealed record CertificateRules(int PassMark, int ValidityMonths);

public sealed record CourseModule(string Title, EquatableList<Lesson> Lessons);

public sealed record Lesson
{
    /// <summary>The file name without <c>.md</c>, e.g. <c>01-kultur-und-wahrnehmung</c>; modules list lessons by it.</summary>
    public required string FileName { get; init; }

    /// <summary>The stable id learners' progress points at; survives renaming the file.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }
    public required int DurationMinutes { get; init; }
    public bool Required { get; init; } = true;
    public string Body { get; init; } = "";
}

/// <summary>A file kept as text for another part of the platform to parse (GIFT, scenarios).</summary>
public sealed record RawTextFile(string FileName, string Text);

public sealed record Material
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Language { get; init; }
    public required string Summary { get; init; }
    public required string Unit { get; init; }
    public required EquatableList<string> Audiences { get; init; }
    public EquatableList<string> Topics { get; init; } = [];
    public EquatableList<MaterialAttachment> Attachments { get; init; } = [];
    public string Body { get; init; } = "";
}

/// <summary>A file in <c>materials/&lt;slug&gt;/</c>, linked relatively from the material's text.</summary>
public sealed record MaterialAttachment(string File, string Title, FileBytes Content);

public sealed record QualityStandard
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Code { get; init; }
    public required string Version { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public required string Language { get; init; }
    public required string Unit { get; init; }
    public required string Summary { get; init; }
    public string Body { get; init; } = "";
}
