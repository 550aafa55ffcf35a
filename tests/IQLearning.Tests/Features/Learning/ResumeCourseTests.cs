using IQLearning.Web.Features.Learning;

namespace IQLearning.Tests.Features.Learning;

public sealed class ResumeCourseTests
{
    private static readonly CourseOutline Course = new(1, "kurs", "de", 7, "Kurs", "", [
        new OutlineModule("Eins", [Lesson(11, 1), Lesson(12, 2)]),
        new OutlineModule("Zwei", [Lesson(13, 3)]),
    ], null, [], []);

    private static OutlineLesson Lesson(int id, int number) => new(id, $"l{id}", $"Lektion {id}", 10, true, number);

    [Fact]
    public void A_new_learner_starts_at_the_first_lesson() => Assert.Equal(11, ResumeCourse.Pick(Course, null, new HashSet<int>()).ItemId);

    [Fact]
    public void The_learner_returns_to_the_unfinished_lesson_they_left_off_at() =>
        Assert.Equal(13, ResumeCourse.Pick(Course, 13, new HashSet<int> { 11 }).ItemId);

    [Fact]
    public void After_finishing_the_last_lesson_opened_the_first_unfinished_one_follows() =>
        Assert.Equal(12, ResumeCourse.Pick(Course, 11, new HashSet<int> { 11 }).ItemId);

    [Fact]
    public void A_lesson_no_longer_in_the_course_is_skipped() =>
        Assert.Equal(12, ResumeCourse.Pick(Course, 99, new HashSet<int> { 11 }).ItemId);

    [Fact]
    public void With_everything_done_the_last_lesson_opened_is_shown_for_review() =>
        Assert.Equal(12, ResumeCourse.Pick(Course, 12, new HashSet<int> { 11, 12, 13 }).ItemId);
}
