using System.Net;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Learning;

/// <summary>The learning site on a clock the test moves.</summary>
public sealed class HeartbeatSite : LearningSite
{
    public HeartbeatSite() => WithServices(s => s.AddSingleton<TimeProvider>(Clock));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}

[Collection(SiteCollection.Name)]
public sealed class HeartbeatTests(HeartbeatSite site) : IClassFixture<HeartbeatSite>
{
    [Fact]
    public async Task Each_beat_adds_the_real_elapsed_time_capped_at_sixty_seconds()
    {
        var (learner, course, lesson) = await LearnerOnALessonAsync();
        var token = await TokenAsync(learner, course, lesson);

        Assert.Equal(HttpStatusCode.NoContent, (await BeatAsync(learner, course, lesson, token)).StatusCode);
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await BeatAsync(learner, course, lesson, token);
        site.Clock.Advance(TimeSpan.FromSeconds(2));
        await BeatAsync(learner, course, lesson, token);
        site.Clock.Advance(TimeSpan.FromMinutes(45));
        await BeatAsync(learner, course, lesson, token);

        Assert.Equal(30 + 2 + TimeOnTask.CapSeconds, await SecondsOnTaskAsync(learner, lesson));
    }

    [Fact]
    public async Task A_beat_that_claims_an_interval_is_refused_and_adds_nothing()
    {
        var (learner, course, lesson) = await LearnerOnALessonAsync();
        var token = await TokenAsync(learner, course, lesson);
        await BeatAsync(learner, course, lesson, token);
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var forged = await BeatAsync(learner, course, lesson, token, new Dictionary<string, string> { ["seconds"] = "3600" });
        var forgedQuery = await BeatAsync(learner, course, lesson, token, query: "?interval=3600");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedQuery.StatusCode);
        Assert.Equal(0, await SecondsOnTaskAsync(learner, lesson));
    }

    [Fact]
    public async Task Beats_without_a_token_or_for_a_course_the_learner_is_not_in_are_refused()
    {
        var (learner, course, lesson) = await LearnerOnALessonAsync();
        var token = await TokenAsync(learner, course, lesson);
        var other = await site.OutlineAsync(LearningSite.OtherCourseSlug);

        var noToken = await learner.Client.Http.PostAsync($"{Learner.LessonUrl(course, lesson)}/heartbeat", null);
        var notEnrolled = await BeatAsync(learner, other, other.Lessons.First(), token);
        var foreignLesson = await learner.Client.Http.SendAsync(Beat($"/learn/{course.Slug}/{other.Lessons.First().Slug}/heartbeat", token));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notEnrolled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignLesson.StatusCode);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.LessonProgress.CountAsync(p => p.LessonItemId == other.Lessons.First().ItemId)));
    }

    private async Task<(Learner, CourseOutline, OutlineLesson)> LearnerOnALessonAsync()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        return (learner, course, course.Lessons.First());
    }

    private static async Task<string> TokenAsync(Learner learner, CourseOutline course, OutlineLesson lesson)
    {
        var (_, page) = await learner.Client.GetAsync(Learner.LessonUrl(course, lesson));
        return ((IHtmlInputElement)page.QuerySelector("#lesson-heartbeat input[name=__RequestVerificationToken]")!).Value;
    }

    private static HttpRequestMessage Beat(string url, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    private static Task<HttpResponseMessage> BeatAsync(Learner learner, CourseOutline course, OutlineLesson lesson, string token,
        Dictionary<string, string>? form = null, string query = "") =>
        learner.Client.Http.SendAsync(Beat($"{Learner.LessonUrl(course, lesson)}/heartbeat{query}", token,
            form is null ? null : new FormUrlEncodedContent(form)));

    private Task<int> SecondsOnTaskAsync(Learner learner, OutlineLesson lesson) =>
        site.WithDbAsync((db, _) => db.LessonProgress
            .Where(p => p.LessonItemId == lesson.ItemId && db.Enrollments.Any(e => e.Id == p.EnrollmentId && e.UserId == learner.Id))
            .Select(p => p.SecondsOnTask).SingleAsync());
}
