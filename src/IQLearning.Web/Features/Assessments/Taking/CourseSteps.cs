using IQLearning.Web.Features.Learning;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>
/// Tells the learning feature that a step of a course is done (a passed quiz, a finished scenario). Called inside
/// the transaction of the step, before commit, so a failing handler rolls the step back with it.
/// </summary>
public sealed class CourseSteps(IEnumerable<ICourseStepHandler> handlers)
{
    public async Task CompletedAsync(string userId, int courseItemId, CancellationToken cancellationToken)
    {
        var step = new CourseStepCompleted(userId, courseItemId);
        foreach (var handler in handlers) await handler.HandleAsync(step, cancellationToken);
    }
}
