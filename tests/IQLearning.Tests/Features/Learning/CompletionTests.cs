using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Learning;

[Collection(SiteCollection.Name)]
public sealed class CompletionTests(LearningSite site) : IClassFixture<LearningSite>
{
    [Fact]
    public async Task Lessons_then_scenario_then_passed_assessment_complete_the_course_once()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);

        await learner.DoAllLessonsAsync(course);
        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        await site.FinishScenarioAsync(learner.Id, course.CourseItemId, course.Scenarios.Single().ItemId);
        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        Assert.Empty(site.Completions.For(learner.Id));

        await site.PassAssessmentAsync(learner.Id, course.CourseItemId, course.Assessment!.ItemId);

        var enrollment = await site.EnrollmentAsync(learner.Id, course.CourseItemId);
        Assert.Equal(EnrollmentStatus.Completed, enrollment!.Status);
        Assert.Equal(course.VersionId, enrollment.CompletedVersionId);
        var completed = Assert.Single(site.Completions.For(learner.Id));
        Assert.Equal((enrollment.Id, course.CourseItemId, course.VersionId), (completed.EnrollmentId, completed.CourseItemId, completed.CourseVersionId));
        // PostgreSQL keeps microseconds, .NET ticks are tenths of them: compare at the precision every database keeps.
        Assert.Equal(enrollment.CompletedAt!.Value.Ticks / 10, completed.CompletedAt.Ticks / 10);

        // Further steps (another attempt passed, a lesson marked again) change nothing and raise nothing.
        await site.PassAssessmentAsync(learner.Id, course.CourseItemId, course.Assessment.ItemId);
        await learner.MarkDoneAsync(course, course.Lessons.First());
        Assert.Single(site.Completions.For(learner.Id));
        Assert.Equal(enrollment.CompletedAt, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.CompletedAt);
    }

    [Fact]
    public async Task The_last_lesson_done_completes_the_course_when_the_steps_were_done_first()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await site.PassAssessmentAsync(learner.Id, course.CourseItemId, course.Assessment!.ItemId);
        await site.FinishScenarioAsync(learner.Id, course.CourseItemId, course.Scenarios.Single().ItemId);
        foreach (var lesson in course.Lessons.SkipLast(1)) await learner.MarkDoneAsync(course, lesson);
        Assert.Empty(site.Completions.For(learner.Id));

        var last = await learner.MarkDoneAsync(course, course.Lessons.Last());

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Single(site.Completions.For(learner.Id));
        var (_, dashboard) = await learner.Client.GetAsync("/learn");
        var completed = dashboard.QuerySelector("#completed-courses")!.ParentElement!;
        Assert.Contains(course.Title, completed.TextContent);
        Assert.NotNull(completed.QuerySelector("a[href='/certificates']"));
        var (_, page) = await learner.Client.GetAsync($"/courses/{course.Slug}");
        Assert.Contains("Abgeschlossen am", page.QuerySelector(".course-enrolment")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".course-enrolment form"));
    }

    [Fact]
    public async Task Two_steps_racing_raise_course_completed_exactly_once()
    {
        var course = await site.OutlineAsync();
        for (var round = 0; round < 3; round++)
        {
            var learner = await Learner.CreateAsync(site);
            await learner.EnrolAsync(course);
            await learner.DoAllLessonsAsync(course);

            // The quiz and the scenario finish at the same moment, each raising its step in its own transaction.
            await Task.WhenAll(
                Task.Run(() => site.PassAssessmentAsync(learner.Id, course.CourseItemId, course.Assessment!.ItemId)),
                Task.Run(() => site.FinishScenarioAsync(learner.Id, course.CourseItemId, course.Scenarios.Single().ItemId)),
                Task.Run(() => site.StepAsync(learner.Id, course.CourseItemId)));
            await site.StepAsync(learner.Id, course.CourseItemId);

            Assert.Single(site.Completions.For(learner.Id));
            Assert.Equal(EnrollmentStatus.Completed, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        }
    }

    [Fact]
    public async Task Steps_raised_at_once_outside_a_transaction_raise_course_completed_exactly_once()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await learner.DoAllLessonsAsync(course);
        await site.FinishScenarioAsync(learner.Id, course.CourseItemId, course.Scenarios.Single().ItemId);
        // The passed attempt is stored without raising, so that the racers below all find the rules met.
        await site.WithDbAsync(async (db, _) =>
        {
            var versionId = await db.ContentItems.Where(i => i.Id == course.Assessment!.ItemId).Select(i => i.PublishedVersionId!.Value).SingleAsync();
            db.QuizAttempts.Add(new QuizAttempt
            {
                UserId = learner.Id, AssessmentItemId = course.Assessment!.ItemId, AssessmentVersionId = versionId, Number = 1,
                Status = AttemptStatus.Submitted, StartedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow, Passed = true,
            });
            return await db.SaveChangesAsync();
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => site.RaiseWithoutTransactionAsync(learner.Id, course.CourseItemId))));

        Assert.Single(site.Completions.For(learner.Id));
    }

    [Fact]
    public async Task Completed_steps_of_another_learner_do_not_count()
    {
        var course = await site.OutlineAsync();
        var other = await Learner.CreateAsync(site);
        await site.PassAssessmentAsync(other.Id, course.CourseItemId, course.Assessment!.ItemId);
        await site.FinishScenarioAsync(other.Id, course.CourseItemId, course.Scenarios.Single().ItemId);
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);

        await learner.DoAllLessonsAsync(course);

        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        Assert.Empty(site.Completions.For(learner.Id));
    }

    [Fact]
    public async Task Completion_from_an_enrollment_that_was_left_waits_for_re_enrolment()
    {
        var course = await site.OutlineAsync();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        await learner.DoAllLessonsAsync(course);
        await site.FinishScenarioAsync(learner.Id, course.CourseItemId, course.Scenarios.Single().ItemId);
        var enrollment = await site.EnrollmentAsync(learner.Id, course.CourseItemId);
        await learner.Client.PostFromPageAsync($"/courses/{course.Slug}", $"/learn/leave/{enrollment!.Id}");

        await site.PassAssessmentAsync(learner.Id, course.CourseItemId, course.Assessment!.ItemId);
        Assert.Equal(EnrollmentStatus.Left, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);

        await learner.EnrolAsync(course);

        Assert.Equal(EnrollmentStatus.Completed, (await site.EnrollmentAsync(learner.Id, course.CourseItemId))!.Status);
        Assert.Single(site.Completions.For(learner.Id));
    }
}
