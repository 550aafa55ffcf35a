using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>The attempt to continue with, or the text key of why none may be started.</summary>
public sealed record StartAttemptResult(int? AttemptId, string? RefusalKey);

/// <summary>
/// Starts an attempt on the published version, or resumes the one in progress (a double click starts one).
/// The question order is shuffled once here and stored, so a reload never reorders the page.
/// </summary>
public sealed class StartAttempt(AppDbContext db, QuizVersions quizzes, TimeProvider clock)
{
    public async Task<StartAttemptResult?> HandleAsync(string userId, int assessmentItemId, CancellationToken cancellationToken)
    {
        if (await quizzes.PublishedAsync(assessmentItemId, cancellationToken) is not { } quiz) return null;
        if (await OpenAttemptAsync(userId, assessmentItemId, cancellationToken) is { } open) return new StartAttemptResult(open, null);
        var used = await db.QuizAttempts.Where(a => a.UserId == userId && a.AssessmentItemId == assessmentItemId)
            .MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0;
        if (quiz.Settings.AttemptsAllowed is { } allowed && used >= allowed)
            return new StartAttemptResult(null, "Assessments.Quiz.NoAttemptsLeft");

        var now = clock.GetUtcNow().UtcDateTime;
        var order = quiz.Questions.Select(q => q.Id).ToArray();
        if (quiz.Settings.Shuffle) Random.Shared.Shuffle(order);
        var attempt = new QuizAttempt
        {
            UserId = userId, AssessmentItemId = assessmentItemId, AssessmentVersionId = quiz.VersionId, Number = used + 1,
            Status = AttemptStatus.InProgress, StartedAt = now, QuestionOrderJson = JsonSerializer.Serialize(order),
            DeadlineAt = quiz.Settings.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null,
        };
        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new StartAttemptResult(attempt.Id, null);
        }
        catch (DbUpdateException)
        {
            // Two starts at once: the unique (user, quiz, number) index let the other one win; continue with it.
            db.ChangeTracker.Clear();
            return await OpenAttemptAsync(userId, assessmentItemId, cancellationToken) is { } winner
                ? new StartAttemptResult(winner, null)
                : throw new InvalidOperationException("A concurrent start left no open attempt.");
        }
    }

    private Task<int?> OpenAttemptAsync(string userId, int assessmentItemId, CancellationToken cancellationToken) =>
        db.QuizAttempts.Where(a => a.UserId == userId && a.AssessmentItemId == assessmentItemId && a.Status == AttemptStatus.InProgress)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
}
