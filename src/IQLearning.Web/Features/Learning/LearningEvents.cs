namespace IQLearning.Web.Features.Learning;

/// <summary>
/// A learner finished a step that may complete a course (a lesson, a passed quiz attempt, a finished scenario).
/// Raised inside the same DbContext and transaction as the step, so completion is decided at once.
/// </summary>
public sealed record CourseStepCompleted(string UserId, int CourseItemId);

/// <summary>Handles <see cref="CourseStepCompleted"/>; the learning feature decides completion here.</summary>
public interface ICourseStepHandler
{
    Task HandleAsync(CourseStepCompleted step, CancellationToken cancellationToken);
}

/// <summary>A course was completed: enrollment, and the course version it was completed on.</summary>
public sealed record CourseCompleted(int EnrollmentId, string UserId, int CourseItemId, int CourseVersionId, DateTime CompletedAt);

/// <summary>Handles <see cref="CourseCompleted"/> in the completing transaction (e.g. the certificates feature issues one).</summary>
public interface ICourseCompletedHandler
{
    Task HandleAsync(CourseCompleted completion, CancellationToken cancellationToken);
}
