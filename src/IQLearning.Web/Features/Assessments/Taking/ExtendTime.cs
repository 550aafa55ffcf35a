using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.Taking;

public enum ExtendOutcome { Extended, NotFound, NotAllowed }

/// <summary>Adds the full time limit to the deadline, up to <see cref="QuizTiming.MaxExtensions"/> times (WCAG 2.2.1).</summary>
public sealed class ExtendTime(AppDbContext db, OwnAttempt attempts)
{
    public async Task<ExtendOutcome> HandleAsync(string userId, int assessmentItemId, int attemptId, CancellationToken cancellationToken)
    {
        if (await attempts.LoadAsync(userId, assessmentItemId, attemptId, tracked: true, cancellationToken) is not { } context)
            return ExtendOutcome.NotFound;
        var timing = context.Timing;
        if (context.Attempt.Status != AttemptStatus.InProgress || !timing.HasLimit || timing.ExtensionsLeft <= 0)
            return ExtendOutcome.NotAllowed;
        context.Attempt.DeadlineAt = timing.DeadlineAt!.Value.AddMinutes(timing.LimitMinutes!.Value);
        context.Attempt.Revision = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A double click extended once already, or the attempt was submitted: one extension per click is enough.
            return ExtendOutcome.NotAllowed;
        }
        return ExtendOutcome.Extended;
    }
}
