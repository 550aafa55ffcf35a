using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Learning;

/// <summary>A learner's enrollment in one course, as the pages and rules need it.</summary>
public sealed record EnrollmentState(
    int Id, EnrollmentStatus Status, EnrollmentSource Source, DateTime? DueAt, DateTime EnrolledAt,
    DateTime? CompletedAt, int? CompletedVersionId, int? LastLessonItemId, bool Mandatory)
{
    /// <summary>A course an organization made mandatory is not the learner's to leave.</summary>
    public bool MayLeave => Status == EnrollmentStatus.Active && !(Source == EnrollmentSource.Assignment && Mandatory);

    public bool IsOverdue(DateTime now) => Status == EnrollmentStatus.Active && DueAt < now;
}

/// <summary>A learner's record in one course: lessons opened and done, steps passed or finished.</summary>
public sealed record CourseRecord(LearnerRecord Record, IReadOnlySet<int> OpenedLessonItemIds)
{
    public static readonly CourseRecord Empty = new(LearnerRecord.Empty, new HashSet<int>());

    public LessonStatus StatusOf(int lessonItemId) =>
        Record.DoneLessonItemIds.Contains(lessonItemId) ? LessonStatus.Done
        : OpenedLessonItemIds.Contains(lessonItemId) ? LessonStatus.Started : LessonStatus.NotStarted;

    public int LessonsDone(CourseOutline outline) => outline.Lessons.Count(l => Record.DoneLessonItemIds.Contains(l.ItemId));
}

public enum LessonStatus { NotStarted, Started, Done }

/// <summary>
/// Reads a learner's own enrollments and records. Every query is filtered by the signed-in user's id, so nobody
/// reads another learner's progress by guessing an id.
/// </summary>
public sealed class LearnerRecords(AppDbContext db)
{
    public Task<EnrollmentState?> FindEnrollmentAsync(string userId, int courseItemId, CancellationToken cancellationToken) =>
        EnrollmentOf(db, userId, courseItemId);

    public Task<EnrollmentState?> FindEnrollmentByIdAsync(string userId, int enrollmentId, CancellationToken cancellationToken) =>
        Project(db, db.Enrollments.Where(e => e.UserId == userId && e.Id == enrollmentId)).SingleOrDefaultAsync(cancellationToken);

    // The lesson player's reads run on every page view: compiled once, they skip EF Core's per-call query translation.
    private static readonly Func<AppDbContext, string, int, Task<EnrollmentState?>> EnrollmentOf = EF.CompileAsyncQuery(
        (AppDbContext db, string userId, int courseItemId) => db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == userId && e.CourseItemId == courseItemId)
            .Select(e => new EnrollmentState(e.Id, e.Status, e.Source, e.DueAt, e.EnrolledAt, e.CompletedAt, e.CompletedVersionId,
                e.LastLessonItemId, e.AssignmentId != null && db.Assignments.Any(a => a.Id == e.AssignmentId && a.Mandatory)))
            .SingleOrDefault());

    private static IQueryable<EnrollmentState> Project(AppDbContext db, IQueryable<Enrollment> enrollments) =>
        enrollments.AsNoTracking().Select(e => new EnrollmentState(e.Id, e.Status, e.Source, e.DueAt, e.EnrolledAt,
            e.CompletedAt, e.CompletedVersionId, e.LastLessonItemId,
            e.AssignmentId != null && db.Assignments.Any(a => a.Id == e.AssignmentId && a.Mandatory)));

    // Set operations need member initialisation (not a constructor call) in the projection.
    private sealed class RecordRow
    {
        public int Kind { get; init; }
        public int ItemId { get; init; }
    }

    // Steps are taken from the enrollment's course (its child items) rather than from a list parameter: a list is
    // expanded into one SQL parameter per id, which makes EF Core generate the SQL again on every call.
    private static readonly Func<AppDbContext, string, int, IAsyncEnumerable<RecordRow>> RecordOf = EF.CompileAsyncQuery(
        (AppDbContext db, string userId, int enrollmentId) => db.LessonProgress.AsNoTracking()
            .Where(p => p.EnrollmentId == enrollmentId && db.Enrollments.Any(e => e.Id == enrollmentId && e.UserId == userId))
            .Select(p => new RecordRow { Kind = p.CompletedAt != null ? (int)RecordKind.LessonDone : (int)RecordKind.LessonOpened, ItemId = p.LessonItemId })
            .Concat(db.QuizAttempts.Where(a => a.UserId == userId && a.Status == AttemptStatus.Submitted && a.Passed == true
                    && db.ContentItems.Any(c => c.Id == a.AssessmentItemId
                        && db.Enrollments.Any(e => e.Id == enrollmentId && e.UserId == userId && e.CourseItemId == c.ParentId)))
                .Select(a => new RecordRow { Kind = (int)RecordKind.AssessmentPassed, ItemId = a.AssessmentItemId }))
            .Concat(db.ScenarioRuns.Where(r => r.UserId == userId && r.FinishedAt != null
                    && db.ContentItems.Any(c => c.Id == r.ScenarioItemId
                        && db.Enrollments.Any(e => e.Id == enrollmentId && e.UserId == userId && e.CourseItemId == c.ParentId)))
                .Select(r => new RecordRow { Kind = (int)RecordKind.ScenarioFinished, ItemId = r.ScenarioItemId })));

    /// <summary>Lessons, passed assessments and finished scenarios of one learner in one course, in one query.</summary>
    public async Task<CourseRecord> ReadAsync(string userId, int enrollmentId, IReadOnlyList<int> stepItemIds, CancellationToken cancellationToken)
    {
        var rows = await RecordOf(db, userId, enrollmentId).ToListAsync(cancellationToken);
        var steps = stepItemIds.ToHashSet();
        HashSet<int> Of(RecordKind kind) => rows.Where(r => r.Kind == (int)kind).Select(r => r.ItemId).ToHashSet();
        HashSet<int> StepsOf(RecordKind kind) => rows.Where(r => r.Kind == (int)kind && steps.Contains(r.ItemId)).Select(r => r.ItemId).ToHashSet();
        return new CourseRecord(new LearnerRecord(Of(RecordKind.LessonDone), StepsOf(RecordKind.AssessmentPassed), StepsOf(RecordKind.ScenarioFinished)),
            Of(RecordKind.LessonOpened));
    }

    private enum RecordKind { LessonOpened, LessonDone, AssessmentPassed, ScenarioFinished }
}
