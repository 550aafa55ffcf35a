namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>One option of a choice question; the weight is the percentage of the question's points it earns.</summary>
public sealed record Choice(FormattedText Text, decimal WeightPercent, FormattedText Feedback);

/// <summary>Radio buttons: the learner picks exactly one choice (GIFT: at least one <c>=</c> answer).</summary>
public sealed record SingleChoiceQuestion(ValueList<Choice> Choices) : Question
{
    public override bool IsScored => true;
}

/// <summary>
/// Check boxes: the learner ticks any number of choices and earns the sum of their weights, which
/// may be negative to punish guessing (GIFT: only <c>~</c> answers, with <c>%weight%</c>).
/// </summary>
public sealed record MultipleResponseQuestion(ValueList<Choice> Choices) : Question
{
    public override bool IsScored => true;
}
