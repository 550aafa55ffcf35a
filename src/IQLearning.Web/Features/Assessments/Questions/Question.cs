namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>
/// A question of the question bank, as GIFT describes it. Records compare by value, so two imports
/// of the same file give equal questions.
/// </summary>
public abstract record Question
{
    /// <summary>
    /// Stands where the answer block was in a fill-in-the-blank question ("Grant is {…} in Grant's tomb.");
    /// the same five underscores Moodle inserts.
    /// </summary>
    public const string BlankMarker = "_____";

    /// <summary>The <c>$CATEGORY:</c> in force for the question; empty before the first one.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The <c>::title::</c>; null when the question has none.</summary>
    public string? Title { get; init; }

    public FormattedText Text { get; init; } = FormattedText.Empty(TextFormat.Moodle);

    /// <summary>Shown after the question is answered, whatever the response (GIFT's <c>####</c>).</summary>
    public FormattedText GeneralFeedback { get; init; } = FormattedText.Empty(TextFormat.Moodle);

    /// <summary>See <see cref="QuestionId"/> for how it is derived.</summary>
    public string Id => QuestionId.For(Category, Title, Text.Text);

    public bool IsFillInTheBlank => Text.Text.Contains(BlankMarker, StringComparison.Ordinal);

    /// <summary>False for questions that earn no points automatically (essay, description).</summary>
    public abstract bool IsScored { get; }
}
