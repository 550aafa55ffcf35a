using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>One question as a page shows it: its number among the answerable questions and the learner's values.</summary>
public sealed record QuestionInput(QuizVersion Quiz, Question Question, int Number, int Total, IReadOnlyList<string> Values, QuestionAnchor Anchor);

/// <summary>The id a question's fieldset carries, so the review page can link back to it.</summary>
public sealed record QuestionAnchor(string Value)
{
    public static QuestionAnchor For(Question question) => new("question-" + question.Id);
}

/// <summary>The attempt, review and result pages: the attempt with its course and the time on the server clock.</summary>
public sealed record AttemptPageView(AttemptContext Context, CourseFacts Course, DateTime Now, IReadOnlyList<AnswerProblem> Problems)
{
    public int AssessmentItemId => Context.Attempt.AssessmentItemId;
    public int AttemptId => Context.Attempt.Id;
    public string BaseUrl => $"/quiz/{AssessmentItemId}/attempts/{AttemptId}";

    public IEnumerable<QuestionInput> Inputs()
    {
        var total = Context.Questions.Count(q => q is not DescriptionQuestion);
        var number = 0;
        foreach (var question in Context.Questions)
        {
            if (question is not DescriptionQuestion) number++;
            yield return new QuestionInput(Context.Quiz, question, question is DescriptionQuestion ? 0 : number, total,
                Context.Answers[question.Id], QuestionAnchor.For(question));
        }
    }

    public int Answered => Context.Questions.Count(q => q is not DescriptionQuestion && Context.Answers.IsAnswered(q.Id));
}

public sealed class ShowAttempt(OwnAttempt attempts, QuizVersions quizzes, TimeProvider clock)
{
    public async Task<AttemptPageView?> HandleAsync(string userId, int assessmentItemId, int attemptId,
        IReadOnlyList<AnswerProblem>? problems, CancellationToken cancellationToken)
    {
        if (await attempts.LoadAsync(userId, assessmentItemId, attemptId, tracked: false, cancellationToken) is not { } context) return null;
        var course = await quizzes.CourseAsync(context.Quiz.CourseItemId, cancellationToken);
        return new AttemptPageView(context, course, clock.GetUtcNow().UtcDateTime, problems ?? []);
    }
}
