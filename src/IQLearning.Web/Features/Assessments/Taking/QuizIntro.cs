using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.Taking;

public sealed record AttemptSummary(int Id, int Number, AttemptStatus Status, DateTime StartedAt, decimal? Percent, bool? Passed);

/// <summary>What a learner needs to know before starting: size, pass mark, attempts, time limit.</summary>
public sealed record QuizIntroView(int AssessmentItemId, string Title, string CourseTitle, int QuestionCount, int PassMark,
    int AttemptsUsed, int? AttemptsAllowed, int? TimeLimitMinutes, IReadOnlyList<AttemptSummary> Attempts)
{
    public int? OpenAttemptId => Attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress)?.Id;

    public bool MayStart => OpenAttemptId is null && (AttemptsAllowed is null || AttemptsUsed < AttemptsAllowed);
}

public sealed class QuizIntro(AppDbContext db, QuizVersions quizzes)
{
    public async Task<QuizIntroView?> HandleAsync(string userId, int assessmentItemId, CancellationToken cancellationToken)
    {
        if (await quizzes.PublishedAsync(assessmentItemId, cancellationToken) is not { } quiz) return null;
        var course = await quizzes.CourseAsync(quiz.CourseItemId, cancellationToken);
        var attempts = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.AssessmentItemId == assessmentItemId)
            .OrderByDescending(a => a.Number)
            .Select(a => new AttemptSummary(a.Id, a.Number, a.Status, a.StartedAt, a.Percent, a.Passed))
            .ToListAsync(cancellationToken);
        return new QuizIntroView(assessmentItemId, quiz.Title, course.Title, quiz.AnswerableCount, course.PassMark,
            attempts.Count, quiz.Settings.AttemptsAllowed, quiz.Settings.TimeLimitMinutes, attempts);
    }
}
