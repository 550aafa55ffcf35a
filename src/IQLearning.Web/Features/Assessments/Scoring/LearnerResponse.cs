namespace IQLearning.Web.Features.Assessments.Scoring;

/// <summary>What a learner answered to one question; each question type takes one kind.</summary>
public abstract record LearnerResponse;

/// <summary>The positions (0-based, in the question's order) of the choices ticked; one for single choice.</summary>
public sealed record ChoiceResponse(IReadOnlySet<int> Chosen) : LearnerResponse
{
    public static ChoiceResponse Of(params int[] chosen) => new(chosen.ToHashSet());
}

public sealed record TrueFalseResponse(bool Answer) : LearnerResponse;

/// <summary>The answer the learner assigned to each pair, keyed by the pair's 0-based position.</summary>
public sealed record MatchingResponse(IReadOnlyDictionary<int, string> AnswerByPair) : LearnerResponse;

/// <summary>Typed text, for short-answer and essay questions.</summary>
public sealed record TextResponse(string Text) : LearnerResponse;

/// <summary>A number, already parsed from the learner's input (the form decides which decimal separator it takes).</summary>
public sealed record NumberResponse(decimal Value) : LearnerResponse;
