using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Assessments.Questions;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>An attempt together with the version it pinned, its questions in the order shown and its answers.</summary>
public sealed record AttemptContext(QuizAttempt Attempt, QuizVersion Quiz, IReadOnlyList<Question> Questions, AttemptAnswers Answers)
{
    public QuizTiming Timing => QuizTiming.Of(Attempt, Quiz.Settings.TimeLimitMinutes);

    public IReadOnlySet<string> QuestionIds => Questions.Select(q => q.Id).ToHashSet();
}

/// <summary>
/// Loads an attempt only for its owner and only under its own quiz: someone else's attempt, or an attempt id put
/// under another quiz's URL, is simply not found (404), so ids cannot be probed.
/// </summary>
public sealed class OwnAttempt(AppDbContext db, QuizVersions quizzes)
{
    public async Task<AttemptContext?> LoadAsync(string userId, int assessmentItemId, int attemptId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.QuizAttempts.Where(a => a.Id == attemptId && a.UserId == userId && a.AssessmentItemId == assessmentItemId);
        var attempt = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (attempt is null) return null;
        var quiz = await quizzes.VersionAsync(attempt.AssessmentVersionId, cancellationToken);
        var order = JsonSerializer.Deserialize<List<string>>(attempt.QuestionOrderJson) ?? [];
        var questions = order.Select(quiz.Find).OfType<Question>().ToList();
        return new AttemptContext(attempt, quiz, questions, AttemptAnswers.Parse(attempt.AnswersJson));
    }
}
