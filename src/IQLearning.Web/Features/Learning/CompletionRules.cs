using IQLearning.Web.Features.Learning.Model;

namespace IQLearning.Web.Features.Learning;

/// <summary>
/// What the current published version of a course asks for. A part the course names but that has no published item
/// (a test file that was archived, say) is listed in <paramref name="UnresolvedParts"/> and keeps the course open:
/// a certificate must never be earned by a missing test.
/// </summary>
public sealed record CourseRequirements(
    int CourseVersionId,
    IReadOnlyCollection<int> RequiredLessonItemIds,
    int? AssessmentItemId,
    IReadOnlyCollection<int> ScenarioItemIds,
    IReadOnlyCollection<string> UnresolvedParts);

/// <summary>What a learner has done, by item id: lessons marked done, assessments passed, scenarios finished.</summary>
public sealed record LearnerRecord(
    IReadOnlySet<int> DoneLessonItemIds,
    IReadOnlySet<int> PassedAssessmentItemIds,
    IReadOnlySet<int> FinishedScenarioItemIds)
{
    public static readonly LearnerRecord Empty = new(new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
}

public sealed record CompletionCheck(int RequiredLessons, int RequiredLessonsDone, bool AssessmentMet, int Scenarios, int ScenariosFinished, bool Unresolved)
{
    public bool IsMet => RequiredLessonsDone == RequiredLessons && AssessmentMet && ScenariosFinished == Scenarios && !Unresolved;
}

/// <summary>
/// The completion rules, free of web and database types. A course is complete when every required lesson of its
/// current published version is done, its final assessment (if it has one) is passed and every scenario it lists
/// is finished. Progress is keyed by lesson item, so a new version keeps what was done; a required lesson the new
/// version adds must be done by learners still on the course, while an enrollment already completed stays completed
/// (its certificate points at the version it was earned on).
/// </summary>
public static class CompletionRules
{
    public static CompletionCheck Check(CourseRequirements course, LearnerRecord learner) => new(
        course.RequiredLessonItemIds.Count,
        course.RequiredLessonItemIds.Count(learner.DoneLessonItemIds.Contains),
        course.AssessmentItemId is not { } assessment || learner.PassedAssessmentItemIds.Contains(assessment),
        course.ScenarioItemIds.Count,
        course.ScenarioItemIds.Count(learner.FinishedScenarioItemIds.Contains),
        course.UnresolvedParts.Count > 0);

    /// <summary>Whether this step completes the enrollment now: only an active one, and only when every rule is met.</summary>
    public static bool Completes(EnrollmentStatus status, CourseRequirements course, LearnerRecord learner) =>
        status == EnrollmentStatus.Active && Check(course, learner).IsMet;
}
