using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Learning.Model;

namespace IQLearning.Tests.Features.Learning;

public sealed class CompletionRulesTests
{
    // Version 7 of a course: required lessons 1–3, an optional lesson 4, final test 10, scenario 20.
    private static readonly CourseRequirements Course = new(7, [1, 2, 3], 10, [20], []);

    private static LearnerRecord Record(int[] lessons, int[]? passed = null, int[]? finished = null) =>
        new(lessons.ToHashSet(), (passed ?? []).ToHashSet(), (finished ?? []).ToHashSet());

    [Fact]
    public void Everything_done_completes_an_active_enrollment()
    {
        Assert.True(CompletionRules.Completes(EnrollmentStatus.Active, Course, Record([1, 2, 3], [10], [20])));
    }

    [Fact]
    public void A_missing_required_lesson_keeps_the_course_open()
    {
        var check = CompletionRules.Check(Course, Record([1, 3], [10], [20]));
        Assert.False(check.IsMet);
        Assert.Equal((3, 2), (check.RequiredLessons, check.RequiredLessonsDone));
    }

    [Fact]
    public void An_optional_lesson_is_not_needed_and_does_not_count_as_a_required_one()
    {
        Assert.True(CompletionRules.Check(Course, Record([1, 2, 3], [10], [20])).IsMet);
        Assert.Equal(3, CompletionRules.Check(Course, Record([1, 2, 3, 4], [10], [20])).RequiredLessonsDone);
    }

    [Fact]
    public void The_final_assessment_must_be_passed()
    {
        var check = CompletionRules.Check(Course, Record([1, 2, 3], [], [20]));
        Assert.False(check.AssessmentMet);
        Assert.False(check.IsMet);
    }

    [Fact]
    public void A_passed_assessment_of_another_course_does_not_count()
    {
        Assert.False(CompletionRules.Check(Course, Record([1, 2, 3], [11], [20])).IsMet);
    }

    [Fact]
    public void A_course_without_assessment_needs_none()
    {
        var noTest = Course with { AssessmentItemId = null };
        Assert.True(CompletionRules.Check(noTest, Record([1, 2, 3], [], [20])).IsMet);
    }

    [Fact]
    public void Every_listed_scenario_must_be_finished()
    {
        var twoScenarios = Course with { ScenarioItemIds = [20, 21] };
        Assert.False(CompletionRules.Check(twoScenarios, Record([1, 2, 3], [10], [20])).IsMet);
        Assert.True(CompletionRules.Check(twoScenarios, Record([1, 2, 3], [10], [20, 21])).IsMet);
    }

    [Fact]
    public void A_part_the_course_names_but_that_is_not_published_keeps_the_course_open()
    {
        var broken = Course with { UnresolvedParts = ["abschlusstest.gift"] };
        Assert.False(CompletionRules.Check(broken, Record([1, 2, 3], [10], [20])).IsMet);
    }

    [Theory]
    [InlineData(EnrollmentStatus.Completed)]
    [InlineData(EnrollmentStatus.Left)]
    public void Only_an_active_enrollment_is_completed(EnrollmentStatus status)
    {
        Assert.False(CompletionRules.Completes(status, Course, Record([1, 2, 3], [10], [20])));
    }

    [Fact]
    public void A_new_required_lesson_must_be_done_by_a_learner_still_on_the_course()
    {
        var version8 = Course with { CourseVersionId = 8, RequiredLessonItemIds = [1, 2, 3, 5] };
        var learner = Record([1, 2, 3], [10], [20]);

        Assert.False(CompletionRules.Completes(EnrollmentStatus.Active, version8, learner));
        Assert.True(CompletionRules.Completes(EnrollmentStatus.Active, version8, Record([1, 2, 3, 5], [10], [20])));
    }

    [Fact]
    public void A_new_required_lesson_leaves_a_completed_enrollment_completed()
    {
        var version8 = Course with { CourseVersionId = 8, RequiredLessonItemIds = [1, 2, 3, 5] };

        // Completes() is false for a completed enrollment: nothing reopens it, nothing completes it twice.
        Assert.False(CompletionRules.Completes(EnrollmentStatus.Completed, version8, Record([1, 2, 3], [10], [20])));
        Assert.False(CompletionRules.Check(version8, Record([1, 2, 3], [10], [20])).IsMet);
    }

    [Fact]
    public void A_lesson_dropped_from_the_new_version_is_no_longer_required()
    {
        var version8 = Course with { RequiredLessonItemIds = [1, 3] };
        Assert.True(CompletionRules.Check(version8, Record([1, 3], [10], [20])).IsMet);
    }
}
