using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;

namespace IQLearning.Web.Features.Learning;

public sealed record TocLesson(OutlineLesson Lesson, LessonStatus Status, bool IsCurrent);

public sealed record TocModule(string Title, IReadOnlyList<TocLesson> Lessons);

public sealed record TocStep(OutlineStep Step, bool Done)
{
    public string Url => Step.Kind == ContentKind.Assessment ? $"/quiz/{Step.ItemId}" : $"/scenario/{Step.ItemId}";
}

/// <summary>Everything the lesson player shows: the table of contents, the lesson, where to go next.</summary>
public sealed record LessonPage(
    CourseOutline Course, EnrollmentState Enrollment, IReadOnlyList<TocModule> Modules, IReadOnlyList<TocStep> Steps,
    OutlineLesson Lesson, string LessonHtml, bool LessonDone, OutlineLesson? Previous, OutlineLesson? Next,
    int LessonsDone, int LessonCount)
{
    public string LessonUrl(OutlineLesson lesson) => $"/learn/{Course.Slug}/{lesson.Slug}";
}

public enum LessonOutcome { Found, NotFound, NotEnrolled }

public sealed record OpenLessonResult(LessonOutcome Outcome, LessonPage? Page = null);

/// <summary>
/// The lesson player's read: three queries (the course's published items — with the lesson's HTML until it is kept —, enrollment, record). It writes only
/// when something changed — the first opening of a lesson, or moving to another lesson — so re-reading costs no commit.
/// </summary>
public sealed class OpenLesson(AppDbContext db, CourseOutlines outlines, LearnerRecords records, TimeProvider clock)
{
    public async Task<OpenLessonResult> HandleAsync(string userId, string courseSlug, string lessonSlug, CancellationToken cancellationToken)
    {
        var found = await outlines.FindAsync(courseSlug, lessonSlug, cancellationToken);
        // Only a lesson of this course's current published version: another course's lesson id is not found here.
        if (found?.Outline.Lesson(lessonSlug) is not { } lesson || found.LessonHtml is null) return new(LessonOutcome.NotFound);
        var course = found.Outline;
        var enrollment = await records.FindEnrollmentAsync(userId, course.CourseItemId, cancellationToken);
        if (enrollment is null || enrollment.Status == EnrollmentStatus.Left) return new(LessonOutcome.NotEnrolled);
        var record = await records.ReadAsync(userId, enrollment.Id, course.StepItemIds, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (enrollment.LastLessonItemId != lesson.ItemId)
            await LessonProgressRows.RememberLessonAsync(db, enrollment.Id, lesson.ItemId, now, cancellationToken);
        if (record.StatusOf(lesson.ItemId) == LessonStatus.NotStarted)
            await LessonProgressRows.EnsureOpenedAsync(db, enrollment.Id, lesson.ItemId, now, cancellationToken);

        var ordered = course.Lessons.ToList();
        var index = ordered.IndexOf(lesson);
        var modules = course.Modules.Select(m => new TocModule(m.Title,
            m.Lessons.Select(l => new TocLesson(l, l == lesson && record.StatusOf(l.ItemId) == LessonStatus.NotStarted
                ? LessonStatus.Started : record.StatusOf(l.ItemId), l == lesson)).ToList())).ToList();
        var steps = new List<TocStep>();
        if (course.Assessment is { } assessment) steps.Add(new TocStep(assessment, record.Record.PassedAssessmentItemIds.Contains(assessment.ItemId)));
        steps.AddRange(course.Scenarios.Select(s => new TocStep(s, record.Record.FinishedScenarioItemIds.Contains(s.ItemId))));
        return new(LessonOutcome.Found, new LessonPage(course, enrollment, modules, steps, lesson, found.LessonHtml,
            record.Record.DoneLessonItemIds.Contains(lesson.ItemId),
            index > 0 ? ordered[index - 1] : null, index < ordered.Count - 1 ? ordered[index + 1] : null,
            record.LessonsDone(course), ordered.Count));
    }
}
