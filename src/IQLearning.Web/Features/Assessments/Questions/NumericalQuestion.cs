namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>
/// An accepted number: <see cref="Value"/> ± <see cref="Tolerance"/>; a GIFT range <c>min..max</c> is kept
/// as its midpoint and half-width, as Moodle stores it. A null value accepts any number (Moodle's <c>*</c>,
/// used for the feedback after <c>~</c>).
/// </summary>
public sealed record NumericalAnswer(decimal? Value, decimal Tolerance, decimal WeightPercent, FormattedText Feedback)
{
    public bool AcceptsAnyNumber => Value is null;

    public decimal? Min => Value - Tolerance;

    public decimal? Max => Value + Tolerance;

    public bool Accepts(decimal number) => Value is null || (Min <= number && number <= Max);
}

/// <summary>The learner enters a number; the first answer whose range holds it gives the credit.</summary>
public sealed record NumericalQuestion(ValueList<NumericalAnswer> Answers) : Question
{
    public override bool IsScored => true;
}
