using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Scoring;

/// <summary>One question of an attempt: its points in the quiz and the learner's response (null when skipped).</summary>
public sealed record QuizItem(Question Question, decimal MaxPoints, LearnerResponse? Response);

/// <summary>
/// The outcome of an attempt. <see cref="Percent"/> is exact; the pass decision uses it unrounded, so
/// 69.996 % does not pass a 70 % mark.
/// </summary>
public sealed record QuizResult(decimal Points, decimal MaxPoints, decimal Percent, bool Passed);

public static class QuizScorer
{
    /// <param name="passMarkPercent">The course's pass mark, 0–100 percent of the quiz's points.</param>
    public static QuizResult Score(IEnumerable<QuizItem> items, decimal passMarkPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passMarkPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passMarkPercent, 100m);
        var (points, maxPoints) = (0m, 0m);
        foreach (var item in items)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(item.MaxPoints);
            // Essays and descriptions earn no automatic points, so they do not count towards the maximum either.
            if (QuestionScorer.Score(item.Question, item.Response) is not { } fraction) continue;
            points += fraction * item.MaxPoints;
            maxPoints += item.MaxPoints;
        }
        var percent = maxPoints == 0m ? 0m : points / maxPoints * 100m;
        return new QuizResult(points, maxPoints, percent, maxPoints > 0m && percent >= passMarkPercent);
    }
}
