namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>
/// A statement the learner marks true or false. The feedbacks are kept by the answer the learner gives,
/// as Moodle stores them; GIFT writes them in the other order: first for a wrong, then for a right answer.
/// </summary>
public sealed record TrueFalseQuestion(bool CorrectAnswer, FormattedText FeedbackWhenTrue, FormattedText FeedbackWhenFalse) : Question
{
    public override bool IsScored => true;
}

/// <summary>
/// One accepted text. <c>*</c> in the text matches any characters (Moodle's wildcard), so <c>=%0%*#…</c>
/// gives feedback to every other answer.
/// </summary>
public sealed record AcceptedAnswer(string Text, decimal WeightPercent, FormattedText Feedback);

/// <summary>The learner types a word or phrase; the first accepted answer it matches gives the credit.</summary>
public sealed record ShortAnswerQuestion(ValueList<AcceptedAnswer> Answers) : Question
{
    /// <summary>GIFT has no syntax for it, so imported questions ignore case, as Moodle's do.</summary>
    public bool CaseSensitive { get; init; }

    public override bool IsScored => true;
}

/// <summary>Free text that a person grades; it earns no points automatically.</summary>
public sealed record EssayQuestion : Question
{
    public override bool IsScored => false;
}

/// <summary>Text between questions (GIFT: a block without braces); nothing to answer.</summary>
public sealed record DescriptionQuestion : Question
{
    public override bool IsScored => false;
}
