using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Learning;

[Collection(SiteCollection.Name)]
public sealed class EnrolmentTests(LearningSite site) : IClassFixture<LearningSite>
{
    [Fact]
    public async Task Enrolling_creates_one_active_self_enrollment_and_leads_to_the_first_lesson()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);

        var response = await learner.EnrolAsync(course);

        Assert.Equal($"/learn/{course.Slug}", response.Headers.Location?.OriginalString);
        var resume = await learner.Client.Http.GetAsync(response.Headers.Location);
        Assert.Equal(Learner.LessonUrl(course, course.Lessons.First()), resume.Headers.Location?.OriginalString);
        var enrollment = await site.EnrollmentAsync(learner.Id, course.CourseItemId);
        Assert.Equal((EnrollmentStatus.Active, EnrollmentSource.Self), (enrollment!.Status, enrollment.Source));
    }

    [Fact]
    public async Task A_double_click_and_two_concurrent_posts_make_one_enrollment()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        var (_, page) = await learner.Client.GetAsync($"/courses/{course.Slug}");
        var form = page.Forms.Single(f => f.GetAttribute("action") == $"/learn/enrol/{course.CourseItemId}");

        var posts = Enumerable.Range(0, 6).Select(_ => learner.Client.PostAsync($"/learn/enrol/{course.CourseItemId}", new Dictionary<string, string>(), form));
        var responses = await Task.WhenAll(posts);
        await learner.Client.PostAsync($"/learn/enrol/{course.CourseItemId}", new Dictionary<string, string>(), form);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.WithDbAsync((db, _) => db.Enrollments.CountAsync(e => e.UserId == learner.Id)));
    }

    [Fact]
    public async Task Leaving_and_enrolling_again_reactivates_the_same_row_with_its_progress()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await learner.MarkDoneAsync(course, course.Lessons.First());
        var enrollment = await site.EnrollmentAsync(learner.Id, course.CourseItemId);

        var left = await learner.Client.SubmitAsync($"/courses/{course.Slug}", $"/learn/leave/{enrollment!.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(EnrollmentStatus.Left, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        // A learner who left does not see the lessons any more, and the dashboard no longer lists the course.
        var lesson = await learner.Client.Http.GetAsync(Learner.LessonUrl(course, course.Lessons.First()));
        Assert.Equal($"/courses/{course.Slug}", lesson.Headers.Location?.OriginalString);
        var (_, dashboard) = await learner.Client.GetAsync("/learn");
        Assert.DoesNotContain(course.Title, dashboard.QuerySelector("main")!.TextContent);

        await learner.EnrolAsync(course);

        var again = await site.EnrollmentAsync(learner.Id, course.CourseItemId);
        Assert.Equal((enrollment.Id, EnrollmentStatus.Active), (again!.Id, again.Status));
        var (_, page) = await learner.Client.GetAsync($"/courses/{course.Slug}");
        Assert.Contains($"1 von {course.Lessons.Count()} Lektionen abgeschlossen", page.QuerySelector(".course-enrolment")!.TextContent);
    }

    [Fact]
    public async Task A_mandatory_assigned_course_cannot_be_left_and_shows_its_due_date_as_overdue()
    {
        var course = await site.OutlineAsync(LearningSite.OtherCourseSlug);
        var learner = await Learner.CreateAsync(site);
        var enrollmentId = await site.WithDbAsync(async (db, _) =>
        {
            var organization = new Organization { Name = "Jobcenter Test", Kind = OrganizationKind.JobCentre, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            var assignment = new Assignment { OrganizationId = organization.Id, CourseItemId = course.CourseItemId, DueAt = DateTime.UtcNow.AddDays(-3), Mandatory = true, CreatedAt = DateTime.UtcNow };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            var enrollment = new Enrollment
            {
                UserId = learner.Id, CourseItemId = course.CourseItemId, Source = EnrollmentSource.Assignment, AssignmentId = assignment.Id,
                DueAt = assignment.DueAt, Status = EnrollmentStatus.Active, EnrolledAt = DateTime.UtcNow.AddDays(-30),
            };
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            return enrollment.Id;
        });

        var (_, page) = await learner.Client.GetAsync($"/courses/{course.Slug}");
        Assert.Null(page.Forms.FirstOrDefault(f => f.GetAttribute("action") == $"/learn/leave/{enrollmentId}"));
        var leave = await learner.Client.PostFromPageAsync($"/courses/{course.Slug}", $"/learn/leave/{enrollmentId}");

        Assert.Equal(HttpStatusCode.BadRequest, leave.StatusCode);
        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        var (_, dashboard) = await learner.Client.GetAsync("/learn");
        var card = dashboard.QuerySelectorAll(".card").Single(c => c.TextContent.Contains(course.Title));
        Assert.Contains("Überfällig", card.TextContent);
        Assert.Contains("Von Ihrer Organisation zugewiesen", card.TextContent);
    }

    [Fact]
    public async Task Another_learners_enrollment_id_is_not_found_and_stays_as_it_is()
    {
        var course = await site.OutlineAsync();
        var owner = await Learner.CreateAsync(site);
        var other = await Learner.CreateAsync(site);
        await owner.EnrolAsync(course);
        var enrollment = await site.EnrollmentAsync(owner.Id, course.CourseItemId);

        var response = await other.Client.PostFromPageAsync($"/courses/{course.Slug}", $"/learn/leave/{enrollment!.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(owner.Id, course.CourseItemId))!.Status);
        var (_, dashboard) = await other.Client.GetAsync("/learn");
        Assert.DoesNotContain(course.Title, dashboard.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_enrols_nobody()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);

        var response = await learner.Client.PostAsync($"/learn/enrol/{course.CourseItemId}", new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await site.EnrollmentAsync(learner.Id, course.CourseItemId));
    }

    [Fact]
    public async Task Enrolling_in_a_lesson_an_unknown_or_an_archived_course_is_not_found()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        var archived = await site.WithDbAsync(async (db, _) =>
        {
            var item = await db.ContentItems.SingleAsync(i => i.Kind == ContentKind.Course && i.Slug == "discrimination-sensitive-counselling-jobcentre");
            item.Archived = true;
            item.PublishedVersionId = null;
            await db.SaveChangesAsync();
            return item.Id;
        });

        foreach (var id in new[] { course.Lessons.First().ItemId, 999_999, archived })
        {
            var response = await learner.Client.PostFromPageAsync($"/courses/{course.Slug}", $"/learn/enrol/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.Enrollments.CountAsync(e => e.UserId == learner.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync("/courses/discrimination-sensitive-counselling-jobcentre")).Status);
    }

    [Fact]
    public async Task A_visitor_sees_a_sign_in_link_instead_of_the_buttons()
    {
        var course = await site.OutlineAsync();
        using var visitor = SiteClient.For(site);

        var (status, page) = await visitor.GetAsync($"/courses/{course.Slug}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"/account/login?returnUrl=%2Fcourses%2F{course.Slug}", page.QuerySelector(".course-enrolment a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".course-enrolment form"));
    }
}
