using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>A problem in a GIFT file; <see cref="Line"/> is 1-based.</summary>
public sealed record GiftError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Either every question of the file, or the errors and no question: an import never stores half a file.</summary>
public sealed record GiftParseResult
{
    private GiftParseResult(IReadOnlyList<Question> questions, IReadOnlyList<GiftError> errors)
    {
        Questions = questions;
        Errors = errors;
    }

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<GiftError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    internal static GiftParseResult From(IReadOnlyList<Question> questions, IReadOnlyList<GiftError> errors) =>
        errors.Count == 0 ? new(questions, []) : new([], errors);
}

/// <summary>
/// Rules beyond Moodle's. Moodle accepts untitled and same-titled questions; the curriculum in
/// <c>content/</c> does not, because a question's stable id comes from its category and title.
/// </summary>
public sealed record GiftParseOptions(bool RequireTitles, bool RequireUniqueIds)
{
    public static readonly GiftParseOptions Moodle = new(false, false);

    public static readonly GiftParseOptions Content = new(true, true);
}
