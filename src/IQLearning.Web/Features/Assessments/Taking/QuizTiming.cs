using IQLearning.Web.Features.Assessments.Model;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>
/// The optional time limit (WCAG 2.2.1, "Extend"): the learner may extend it at least ten times, each time by the
/// full limit. The number of extensions is not stored; it follows from the deadline, since each one adds the limit.
/// </summary>
public sealed record QuizTiming(DateTime? DeadlineAt, int? LimitMinutes, int ExtensionsUsed)
{
    public const int MaxExtensions = 10;

    public static QuizTiming Of(QuizAttempt attempt, int? limitMinutes)
    {
        if (attempt.DeadlineAt is not { } deadline || limitMinutes is not { } limit) return new QuizTiming(null, null, 0);
        var granted = (int)Math.Round((deadline - attempt.StartedAt).TotalMinutes / limit);
        return new QuizTiming(deadline, limit, Math.Max(0, granted - 1));
    }

    public bool HasLimit => DeadlineAt is not null;

    public int ExtensionsLeft => HasLimit ? MaxExtensions - ExtensionsUsed : 0;

    public bool IsOver(DateTime now) => DeadlineAt is { } deadline && now > deadline;

    /// <summary>Once every extension is used and the time is over, the answers saved in time may still be handed in.</summary>
    public bool IsFinallyOver(DateTime now) => IsOver(now) && ExtensionsLeft <= 0;

    public int MinutesLeft(DateTime now) => DeadlineAt is { } deadline ? Math.Max(0, (int)Math.Ceiling((deadline - now).TotalMinutes)) : 0;
}
