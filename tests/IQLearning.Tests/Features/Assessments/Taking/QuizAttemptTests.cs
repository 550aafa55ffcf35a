using System.Net;
using System.Text.Json;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Assessments.Taking;

[Collection(SiteCollection.Name)]
public sealed class QuizAttemptTests(AssessmentSite site) : IClassFixture<AssessmentSite>
{
    private const string CourseSlug = "interkulturelle-kompetenz-personalmanagement";
    private const string ShortQuiz = """
        $CATEGORY: test

        ::t-1 Wahr oder falsch::Das AGG schützt auch Bewerbende. {TRUE#Doch.#Richtig.}

        ::t-2 Auswahl::Welche Zahl ist gerade? {=2#Ja, gerade. ~3#Nein. ~5#Nein.}

        ::t-3 Reflexion::Was nehmen Sie aus dem Kurs mit? {}
        """;

    private async Task<(QuizDriver Quiz, string UserId)> LearnerAsync(int assessmentItemId)
    {
        var user = await TestAccounts.CreateAsync(site);
        return (new QuizDriver(await TestAccounts.SignedInAsync(site, user), assessmentItemId), user.Id);
    }

    private Task<QuizAttempt> AttemptAsync(int attemptId) =>
        site.WithDbAsync(db => db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));

    private static Question Titled(IEnumerable<Question> questions, string title) => questions.Single(q => q.Title == title);

    [Fact]
    public async Task Start_autosave_reload_review_and_submit_scores_the_attempt()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var questions = CorrectAnswers.Parse(ShortQuiz);
        var (quiz, _) = await LearnerAsync(item.Id);

        var (status, intro) = await quiz.Client.GetAsync(quiz.QuizUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Keine Zeitbegrenzung", intro.Body!.TextContent);
        var attemptId = await quiz.StartAsync();

        var trueFalse = Titled(questions, "t-1 Wahr oder falsch");
        var autosave = await quiz.SaveAsync(attemptId, CorrectAnswers.For(trueFalse).Append(new("shown", trueFalse.Id)), autosave: true);
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.True(JsonDocument.Parse(await autosave.Content.ReadAsStringAsync()).RootElement.GetProperty("saved").GetBoolean());

        var (_, reloaded) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)reloaded.QuerySelector($"#{trueFalse.Id}-true")!).IsChecked);
        Assert.Equal(3, reloaded.QuerySelectorAll("fieldset.question").Length);

        var (_, review) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId) + "/review");
        Assert.Equal(2, review.QuerySelectorAll(".unanswered").Length);
        Assert.Contains("Wahr", review.QuerySelector(".review-list")!.TextContent);
        Assert.NotNull(review.QuerySelector($"a[href='{quiz.AttemptUrl(attemptId)}#question-{trueFalse.Id}']"));

        var submitted = await quiz.SubmitAsync(attemptId);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.EndsWith("/result", submitted.Headers.Location!.ToString());
        var attempt = await AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Submitted, attempt.Status);
        Assert.Equal(1m, attempt.Points);
        Assert.Equal(2m, attempt.MaxPoints);
        Assert.Equal(50m, attempt.Percent);
        Assert.False(attempt.Passed);
        var (_, result) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId) + "/result");
        Assert.Contains("Nicht bestanden", result.QuerySelector(".result-summary")!.TextContent);
        Assert.Contains("Richtig.", result.QuerySelector(".feedback")!.TextContent);
    }

    [Fact]
    public async Task A_double_submit_makes_one_submission_and_raises_the_course_step_once()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var (quiz, userId) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        await quiz.SaveAsync(attemptId, CorrectAnswers.Parse(ShortQuiz).SelectMany(CorrectAnswers.For));

        var both = await Task.WhenAll(quiz.SubmitAsync(attemptId), quiz.SubmitAsync(attemptId));
        var again = await quiz.SubmitAsync(attemptId);

        Assert.All(both.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var attempt = await AttemptAsync(attemptId);
        Assert.True(attempt.Passed);
        Assert.Equal(100m, attempt.Percent);
        var step = Assert.Single(site.Recorded.For(userId));
        Assert.Equal(item.ParentId, step.CourseItemId);
        Assert.Equal(1, await site.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task A_failed_attempt_raises_no_course_step()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var (quiz, userId) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();

        await quiz.SubmitAsync(attemptId);

        Assert.False((await AttemptAsync(attemptId)).Passed);
        Assert.Empty(site.Recorded.For(userId));
    }

    [Fact]
    public async Task Answers_after_submit_are_refused_and_change_nothing()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var question = Titled(CorrectAnswers.Parse(ShortQuiz), "t-2 Auswahl");
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        await quiz.SubmitAsync(attemptId);
        var before = await AttemptAsync(attemptId);

        var page = await quiz.SaveAsync(attemptId, CorrectAnswers.For(question));
        var json = await quiz.SaveAsync(attemptId, CorrectAnswers.For(question), autosave: true);

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, json.StatusCode);
        var after = await AttemptAsync(attemptId);
        Assert.Equal(before.AnswersJson, after.AnswersJson);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Points, after.Points);
    }

    [Fact]
    public async Task The_attempts_limit_is_enforced()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift", AttemptsAllowed: 2));
        var (quiz, userId) = await LearnerAsync(item.Id);
        await quiz.SubmitAsync(await quiz.StartAsync());
        var second = await quiz.StartAsync();
        Assert.Equal(second, await quiz.StartAsync()); // a second click resumes the open attempt
        await quiz.SubmitAsync(second);

        var third = await quiz.Client.PostFromPageAsync(quiz.QuizUrl, quiz.QuizUrl + "/attempts");

        Assert.Equal(quiz.QuizUrl, third.Headers.Location!.ToString());
        Assert.Equal(2, await site.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == userId)));
        var (_, intro) = await quiz.Client.GetAsync(quiz.QuizUrl);
        Assert.Contains("2 von 2 genutzt", intro.Body!.TextContent);
        Assert.Null(intro.QuerySelector($"form[action='{quiz.QuizUrl}/attempts']"));
    }

    [Fact]
    public async Task After_the_deadline_a_submit_is_refused_until_the_learner_extends_the_time()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift", TimeLimitMinutes: 20));
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        var (_, page) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId));
        Assert.Contains("etwa 20 Minuten", page.QuerySelector("[data-time-limit]")!.TextContent);

        site.Clock.Advance(TimeSpan.FromMinutes(21));
        var late = await quiz.SubmitAsync(attemptId);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("abgelaufen", (await SiteClient.ParseAsync(late)).QuerySelector("main")!.TextContent);
        Assert.Equal(AttemptStatus.InProgress, (await AttemptAsync(attemptId)).Status);

        var extended = await quiz.PostAsync(attemptId, "/extend", []);
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 40, 0, DateTimeKind.Utc), (await AttemptAsync(attemptId)).DeadlineAt);
        Assert.Equal(HttpStatusCode.Redirect, (await quiz.SubmitAsync(attemptId)).StatusCode);
        Assert.Equal(AttemptStatus.Submitted, (await AttemptAsync(attemptId)).Status);
    }

    [Fact]
    public async Task The_time_can_be_extended_ten_times_by_the_full_limit()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift", TimeLimitMinutes: 15));
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        var started = (await AttemptAsync(attemptId)).StartedAt;

        for (var i = 0; i < 11; i++) await quiz.PostAsync(attemptId, "/extend", []);

        Assert.Equal(started.AddMinutes(15 * 11), (await AttemptAsync(attemptId)).DeadlineAt);
    }

    [Fact]
    public async Task Someone_elses_attempt_is_not_found()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var question = Titled(CorrectAnswers.Parse(ShortQuiz), "t-2 Auswahl");
        var (owner, _) = await LearnerAsync(item.Id);
        var attemptId = await owner.StartAsync();
        var (other, _) = await LearnerAsync(item.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(other.AttemptUrl(attemptId))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(other.AttemptUrl(attemptId) + "/review")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SaveAsync(attemptId, CorrectAnswers.For(question))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(attemptId)).StatusCode);
        // The owner's own attempt under another quiz's URL is not found either.
        var elsewhere = new QuizDriver(owner.Client, (await site.ItemAsync(ContentKind.Assessment, CourseSlug + "/abschlusstest.gift")).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Client.GetAsync(elsewhere.AttemptUrl(attemptId))).Status);
        Assert.Equal(AttemptStatus.InProgress, (await AttemptAsync(attemptId)).Status);
        Assert.Equal("{}", (await AttemptAsync(attemptId)).AnswersJson);
    }

    [Theory]
    [InlineData("answer.q-0000000000000000dead", "1")]
    [InlineData("shown", "q-0000000000000000dead")]
    [InlineData("ANSWER_OF:t-2 Auswahl", "7")]
    [InlineData("ANSWER_OF:t-1 Wahr oder falsch", "vielleicht")]
    public async Task Answers_for_unknown_questions_or_options_are_rejected_and_nothing_is_stored(string field, string value)
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var questions = CorrectAnswers.Parse(ShortQuiz);
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        if (field.StartsWith("ANSWER_OF:")) field = "answer." + Titled(questions, field["ANSWER_OF:".Length..]).Id;
        var valid = CorrectAnswers.For(Titled(questions, "t-1 Wahr oder falsch"));

        var page = await quiz.SaveAsync(attemptId, valid.Append(new(field, value)));
        var json = await quiz.SaveAsync(attemptId, valid.Append(new(field, value)), autosave: true);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.NotNull((await SiteClient.ParseAsync(page)).QuerySelector(".error-summary"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("{}", (await AttemptAsync(attemptId)).AnswersJson);
    }

    [Fact]
    public async Task An_essay_is_never_scored_and_shown_only_to_the_learner()
    {
        var item = await site.CreateAssessmentAsync(ShortQuiz, new AssessmentSettings("quiz.gift"));
        var questions = CorrectAnswers.Parse(ShortQuiz);
        var essay = Titled(questions, "t-3 Reflexion");
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        await quiz.SaveAsync(attemptId, questions.Where(q => q is not EssayQuestion).SelectMany(CorrectAnswers.For)
            .Append(new("answer." + essay.Id, "Ganz persönlich: mein Vorurteil über X.")));

        await quiz.SubmitAsync(attemptId);

        var attempt = await AttemptAsync(attemptId);
        Assert.Equal(2m, attempt.MaxPoints);
        Assert.Equal(100m, attempt.Percent);
        var (_, result) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId) + "/result");
        Assert.Contains("mein Vorurteil über X", result.Body!.TextContent);
        Assert.Contains("nicht bewertet", result.Body.TextContent);
        var (other, _) = await LearnerAsync(item.Id);
        var (status, _) = await other.Client.GetAsync(other.AttemptUrl(attemptId) + "/result");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("interkulturelle-kompetenz-personalmanagement/abschlusstest.gift")]
    [InlineData("diskriminierungssensibel-beraten-jobcenter/abschlusstest.gift")]
    [InlineData("discrimination-sensitive-counselling-jobcentre/final-test.gift")]
    [InlineData("auslaendische-berufsabschluesse-anerkennung/abschlusstest.gift")]
    public async Task A_shipped_assessment_answered_all_correctly_scores_100_percent_and_passes(string slug)
    {
        var item = await site.ItemAsync(ContentKind.Assessment, slug);
        var questions = CorrectAnswers.Parse(await site.PublishedBodyAsync(item.Id));
        var (quiz, userId) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();

        var saved = await quiz.SaveAsync(attemptId, questions.SelectMany(CorrectAnswers.For));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await quiz.SubmitAsync(attemptId);

        var attempt = await AttemptAsync(attemptId);
        Assert.Equal(100m, attempt.Percent);
        Assert.Equal(questions.Count(q => q.IsScored), attempt.MaxPoints);
        Assert.True(attempt.Passed);
        Assert.Equal([item.ParentId!.Value], site.Recorded.For(userId).Select(s => s.CourseItemId));
    }

    [Fact]
    public async Task The_shuffled_question_order_is_stored_once_and_the_attempt_keeps_its_version()
    {
        var item = await site.ItemAsync(ContentKind.Assessment, CourseSlug + "/abschlusstest.gift");
        var (quiz, _) = await LearnerAsync(item.Id);
        var attemptId = await quiz.StartAsync();
        var order = JsonSerializer.Deserialize<List<string>>((await AttemptAsync(attemptId)).QuestionOrderJson)!;

        var (_, first) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId));
        var (_, second) = await quiz.Client.GetAsync(quiz.AttemptUrl(attemptId));

        var shown = first.QuerySelectorAll("fieldset.question").Select(f => f.Id![("question-".Length)..]).ToList();
        Assert.Equal(order, shown);
        Assert.Equal(shown, second.QuerySelectorAll("fieldset.question").Select(f => f.Id![("question-".Length)..]));
        Assert.Equal(item.PublishedVersionId, (await AttemptAsync(attemptId)).AssessmentVersionId);
    }
}
