namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>
/// A prompt and the answer that belongs to it. A pair with an empty prompt only adds its answer to the
/// list the learner chooses from (a distractor), as in Moodle's <c>= -> Chat</c>.
/// </summary>
public sealed record MatchingPair(FormattedText Prompt, string Answer)
{
    public bool IsDistractor => Prompt.IsEmpty;
}

/// <summary>The learner assigns one of the answers to each prompt; every correct pair earns its share.</summary>
public sealed record MatchingQuestion(ValueList<MatchingPair> Pairs) : Question
{
    public override bool IsScored => true;

    public IEnumerable<MatchingPair> Prompts => Pairs.Where(pair => !pair.IsDistractor);

    /// <summary>The answers to choose from, each once, in the order they were written.</summary>
    public IEnumerable<string> AnswerOptions => Pairs.Select(pair => pair.Answer).Distinct(StringComparer.Ordinal);
}
