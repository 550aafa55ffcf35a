using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Assessments.Scoring;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.Taking;

public enum SubmitOutcome { Submitted, AlreadySubmitted, NotFound, TimeIsUp }

/// <summary>
/// Hands in an attempt: scores it with <see cref="QuizScorer"/> against the course's pass mark and makes it immutable.
/// Idempotent: the update is conditional on the revision read, so of two submits at once exactly one scores and
/// raises the course step; the other finds the attempt submitted and shows the same result.
/// </summary>
public sealed class SubmitAttempt(AppDbContext db, OwnAttempt attempts, QuizVersions quizzes, CourseSteps steps, TimeProvider clock)
{
    public async Task<SubmitOutcome> HandleAsync(string userId, int assessmentItemId, int attemptId, CancellationToken cancellationToken)
    {
        // A save that lands between reading and writing changes the revision too; then read again and submit that.
        for (var round = 0; round < 3; round++)
            if (await TrySubmitAsync(userId, assessmentItemId, attemptId, cancellationToken) is { } outcome) return outcome;
        throw new InvalidOperationException($"Attempt {attemptId} kept changing while it was submitted.");
    }

    private async Task<SubmitOutcome?> TrySubmitAsync(string userId, int assessmentItemId, int attemptId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await attempts.LoadAsync(userId, assessmentItemId, attemptId, tracked: true, cancellationToken) is not { } context)
                return (SubmitOutcome?)SubmitOutcome.NotFound;
            if (context.Attempt.Status == AttemptStatus.Submitted) return SubmitOutcome.AlreadySubmitted;
            var now = clock.GetUtcNow().UtcDateTime;
            // After the deadline only an extension reopens the attempt; once none is left, what was saved in time counts.
            if (context.Timing.IsOver(now) && !context.Timing.IsFinallyOver(now)) return SubmitOutcome.TimeIsUp;

            var course = await quizzes.CourseAsync(context.Quiz.CourseItemId, cancellationToken);
            var result = Score(context, course.PassMark);
            var attempt = context.Attempt;
            (attempt.Status, attempt.SubmittedAt, attempt.Revision) = (AttemptStatus.Submitted, now, Guid.NewGuid());
            (attempt.Points, attempt.MaxPoints, attempt.Percent, attempt.Passed) = (result.Points, result.MaxPoints, result.Percent, result.Passed);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The other submit (or a save racing it) changed the row first; never score twice.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await db.QuizAttempts.AnyAsync(a => a.Id == attemptId && a.Status == AttemptStatus.Submitted, cancellationToken)
                    ? SubmitOutcome.AlreadySubmitted
                    : (SubmitOutcome?)null;
            }
            if (result.Passed) await steps.CompletedAsync(userId, context.Quiz.CourseItemId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (SubmitOutcome?)SubmitOutcome.Submitted;
        });
    }

    /// <summary>Every question is worth one point; essays and descriptions are not scored and do not count.</summary>
    public static QuizResult Score(AttemptContext context, decimal passMark) =>
        QuizScorer.Score(context.Questions.Select(q => new QuizItem(q, 1m, context.Answers.ResponseTo(q))), passMark);
}
