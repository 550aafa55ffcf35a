using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Learning;

namespace IQLearning.Tests.Features.Learning;

/// <summary>A signed-in learner driving the site through its forms, as a browser would.</summary>
public sealed class Learner(ApplicationUser user, SiteClient client)
{
    public ApplicationUser User { get; } = user;
    public SiteClient Client { get; } = client;
    public string Id => User.Id;

    public static async Task<Learner> CreateAsync(SiteFactory site, string language = "de")
    {
        var user = await TestAccounts.CreateAsync(site, Roles.Learner);
        return new Learner(user, await TestAccounts.SignedInAsync(site, user, language));
    }

    public Task<HttpResponseMessage> EnrolAsync(CourseOutline course) =>
        Client.SubmitAsync($"/courses/{course.Slug}", $"/learn/enrol/{course.CourseItemId}", new Dictionary<string, string>());

    public static string LessonUrl(CourseOutline course, OutlineLesson lesson) => $"/learn/{course.Slug}/{lesson.Slug}";

    public async Task<HttpResponseMessage> MarkDoneAsync(CourseOutline course, OutlineLesson lesson)
    {
        var url = LessonUrl(course, lesson);
        // The token of any form on the lesson page (the button is gone once the lesson is done).
        return await Client.PostFromPageAsync(url, url + "/done");
    }

    public async Task DoAllLessonsAsync(CourseOutline course)
    {
        foreach (var lesson in course.Lessons)
            Assert.Equal(HttpStatusCode.Redirect, (await MarkDoneAsync(course, lesson)).StatusCode);
    }
}
