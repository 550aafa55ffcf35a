using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace IQLearning.Web.Features.Assessments.Taking;

public enum SaveOutcome { Saved, NotFound, Invalid, AlreadySubmitted, TimeIsUp }

public sealed record SaveAnswersResult(SaveOutcome Outcome, IReadOnlyList<AnswerProblem> Problems)
{
    public static SaveAnswersResult Of(SaveOutcome outcome) => new(outcome, []);
}

/// <summary>
/// Stores answers of an attempt in progress (autosave and the save button). A form with any answer that does not
/// belong to the attempt or is not a valid answer stores nothing; a submitted attempt or a passed deadline refuses.
/// </summary>
public sealed class SaveAnswers(AppDbContext db, OwnAttempt attempts, TimeProvider clock)
{
    private const int Retries = 3;

    public async Task<SaveAnswersResult> HandleAsync(string userId, int assessmentItemId, int attemptId,
        IEnumerable<KeyValuePair<string, StringValues>> form, CancellationToken cancellationToken)
    {
        var fields = form.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySaveAsync(userId, assessmentItemId, attemptId, fields, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Retries)
            {
                // Another save or the submit changed the attempt meanwhile: read it again and decide anew.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SaveAnswersResult> TrySaveAsync(string userId, int assessmentItemId, int attemptId,
        List<KeyValuePair<string, StringValues>> form, CancellationToken cancellationToken)
    {
        if (await attempts.LoadAsync(userId, assessmentItemId, attemptId, tracked: true, cancellationToken) is not { } context)
            return SaveAnswersResult.Of(SaveOutcome.NotFound);
        if (context.Attempt.Status != AttemptStatus.InProgress) return SaveAnswersResult.Of(SaveOutcome.AlreadySubmitted);
        if (context.Timing.IsOver(clock.GetUtcNow().UtcDateTime)) return SaveAnswersResult.Of(SaveOutcome.TimeIsUp);

        var (changes, problems) = AnswerForm.Read(form, context.Quiz, context.QuestionIds);
        if (problems.Count > 0) return new SaveAnswersResult(SaveOutcome.Invalid, problems);
        foreach (var (questionId, values) in changes) context.Answers.Set(questionId, values);
        context.Attempt.AnswersJson = context.Answers.ToJson();
        context.Attempt.Revision = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return SaveAnswersResult.Of(SaveOutcome.Saved);
    }
}
