using System.Security.Claims;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Learning;

public sealed record CourseEnrolmentModel(
    int CourseItemId, string CourseSlug, string CourseTitle, bool SignedIn, EnrollmentState? Enrollment,
    int LessonsDone, int LessonCount, DateTime Now, string ReturnUrl)
{
    public bool IsEnrolled => Enrollment is { Status: EnrollmentStatus.Active or EnrollmentStatus.Completed };
}

/// <summary>
/// The signed-in learner's status in one course, with the buttons that change it: enrol, continue, leave (or a
/// sign-in link for visitors). The course page calls it as <c>@await Component.InvokeAsync("CourseEnrolment", new { courseItemId })</c>.
/// Renders nothing for a course that is not published.
/// </summary>
public sealed class CourseEnrolmentViewComponent(CourseOutlines outlines, LearnerRecords records, TimeProvider clock) : ViewComponent
{
    // An explicit path: the calling page may belong to another feature folder, whose view locations do not include ours.
    private const string ViewPath = "~/Features/Learning/CourseEnrolment/Default.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int courseItemId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var course = await outlines.FindAsync(courseItemId, cancellationToken);
        if (course is null) return Content("");
        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return View(ViewPath, new CourseEnrolmentModel(course.CourseItemId, course.Slug, course.Title, false, null, 0, 0, now, returnUrl));

        var enrollment = await records.FindEnrollmentAsync(userId, courseItemId, cancellationToken);
        var record = enrollment is null ? CourseRecord.Empty : await records.ReadAsync(userId, enrollment.Id, [], cancellationToken);
        return View(ViewPath, new CourseEnrolmentModel(course.CourseItemId, course.Slug, course.Title, true, enrollment,
            record.LessonsDone(course), course.Lessons.Count(), now, returnUrl));
    }
}
