using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Learning;

[Collection(SiteCollection.Name)]
public sealed class LessonPlayerTests(LearningSite site) : IClassFixture<LearningSite>
{
    [Fact]
    public async Task The_lesson_page_shows_the_lesson_its_table_of_contents_and_the_final_steps()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        var lessons = course.Lessons.ToList();
        await learner.MarkDoneAsync(course, lessons[0]);

        var (status, page) = await learner.Client.GetAsync(Learner.LessonUrl(course, lessons[1]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(lessons[1].Title, page.QuerySelector("h1")!.TextContent.Trim());
        var current = Assert.Single(page.QuerySelectorAll(".lesson-toc a[aria-current=page]"));
        Assert.Equal(Learner.LessonUrl(course, lessons[1]), current.GetAttribute("href"));
        var entries = page.QuerySelectorAll(".toc-lessons .toc-status").Select(s => s.TextContent).ToList();
        Assert.Equal(["(abgeschlossen)", "(begonnen)", .. Enumerable.Repeat("(noch nicht begonnen)", lessons.Count - 2)], entries);
        Assert.NotNull(page.QuerySelector($".toc-steps a[href='/quiz/{course.Assessment!.ItemId}']"));
        Assert.NotNull(page.QuerySelector($".toc-steps a[href='/scenario/{course.Scenarios.Single().ItemId}']"));
        Assert.Equal(Learner.LessonUrl(course, lessons[0]), page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(Learner.LessonUrl(course, lessons[2]), page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains($"1 von {lessons.Count} Lektionen abgeschlossen", page.QuerySelector(".learning-progress")!.TextContent);
        Assert.NotNull(page.QuerySelector($"form[action='{Learner.LessonUrl(course, lessons[1])}/done'] button"));
    }

    [Fact]
    public async Task Marking_a_lesson_done_twice_keeps_the_first_time_and_leads_to_the_next_lesson()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        var first = course.Lessons.First();

        var response = await learner.MarkDoneAsync(course, first);
        var doneAt = await DoneAtAsync(learner, first.ItemId);
        await Task.Delay(20);
        await learner.MarkDoneAsync(course, first);

        Assert.Equal(Learner.LessonUrl(course, course.Lessons.ElementAt(1)), response.Headers.Location?.OriginalString);
        Assert.NotNull(doneAt);
        Assert.Equal(doneAt, await DoneAtAsync(learner, first.ItemId));
        var (_, page) = await learner.Client.GetAsync(Learner.LessonUrl(course, first));
        Assert.NotNull(page.QuerySelector(".lesson-done-state"));
    }

    [Fact]
    public async Task The_course_address_resumes_at_the_lesson_left_off_or_the_first_unfinished_one()
    {
        var course = await site.OutlineAsync();
        var lessons = course.Lessons.ToList();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await learner.Client.GetAsync(Learner.LessonUrl(course, lessons[3]));

        var resume = await learner.Client.Http.GetAsync($"/learn/{course.Slug}");
        Assert.Equal(Learner.LessonUrl(course, lessons[3]), resume.Headers.Location?.OriginalString);

        await learner.MarkDoneAsync(course, lessons[0]);
        await learner.MarkDoneAsync(course, lessons[3]);
        resume = await learner.Client.Http.GetAsync($"/learn/{course.Slug}");
        Assert.Equal(Learner.LessonUrl(course, lessons[1]), resume.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_lesson_page_needs_at_most_five_database_commands()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        var url = Learner.LessonUrl(course, course.Lessons.ElementAt(2));

        site.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await learner.Client.GetAsync(url)).Status);
        var firstVisit = site.Commands.For(url);
        site.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await learner.Client.GetAsync(url)).Status);
        var again = site.Commands.For(url);

        Assert.InRange(firstVisit, 1, 5);
        // Reading a lesson again writes nothing: only the three reads.
        Assert.InRange(again, 1, 3);
    }

    [Fact]
    public async Task A_lesson_of_another_course_an_unknown_or_an_archived_lesson_is_not_found()
    {
        var course = await site.OutlineAsync();
        var other = await site.OutlineAsync(LearningSite.OtherCourseSlug);
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await learner.EnrolAsync(other);
        var archived = course.Lessons.Last();
        await site.WithDbAsync(async (db, _) =>
        {
            var item = await db.ContentItems.SingleAsync(i => i.Id == archived.ItemId);
            (item.Archived, item.PublishedVersionId) = (true, null);
            return await db.SaveChangesAsync();
        });

        foreach (var url in new[] { $"/learn/{course.Slug}/{other.Lessons.First().Slug}", $"/learn/{course.Slug}/no-such-lesson",
                     $"/learn/{course.Slug}/{archived.Slug}", $"/learn/no-such-course/{course.Lessons.First().Slug}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync(url)).Status);
            var done = await learner.Client.PostFromPageAsync(Learner.LessonUrl(course, course.Lessons.First()), url + "/done");
            Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        }
        var enrollment = await site.EnrollmentAsync(learner.Id, course.CourseItemId);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.LessonProgress.CountAsync(p => p.EnrollmentId == enrollment!.Id && p.CompletedAt != null)));
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.LessonProgress.CountAsync(p => p.LessonItemId == archived.ItemId)));
    }

    [Fact]
    public async Task A_learner_who_is_not_enrolled_is_sent_to_the_course_page_and_cannot_mark_lessons_done()
    {
        var course = await site.OutlineAsync(LearningSite.OtherCourseSlug);
        var learner = await Learner.CreateAsync(site);
        var url = Learner.LessonUrl(course, course.Lessons.First());

        var page = await learner.Client.Http.GetAsync(url);
        var done = await learner.Client.PostFromPageAsync($"/courses/{course.Slug}", url + "/done");

        Assert.Equal($"/courses/{course.Slug}", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.LessonProgress.CountAsync(p => p.LessonItemId == course.Lessons.First().ItemId)));
    }

    [Fact]
    public async Task Mark_done_without_the_antiforgery_token_is_refused()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        var url = Learner.LessonUrl(course, course.Lessons.First());

        var response = await learner.Client.PostAsync(url + "/done", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await DoneAtAsync(learner, course.Lessons.First().ItemId));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var visitor = SiteClient.For(site);
        var response = await visitor.Http.GetAsync("/learn");
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    private Task<DateTime?> DoneAtAsync(Learner learner, int lessonItemId) =>
        site.WithDbAsync((db, _) => db.LessonProgress
            .Where(p => p.LessonItemId == lessonItemId && db.Enrollments.Any(e => e.Id == p.EnrollmentId && e.UserId == learner.Id))
            .Select(p => p.CompletedAt).SingleOrDefaultAsync());
}
