using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Learning;

/// <summary>The learner's side: dashboard, enrolment, lesson player, progress. Everything here is the signed-in learner's own.</summary>
[Authorize, Route("learn")]
public sealed class LearningController(IStringLocalizer<LearningController> t) : Controller
{
    private string LearnerId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Dashboard([FromServices] Dashboard dashboard, CancellationToken cancellationToken) =>
        View(await dashboard.HandleAsync(LearnerId, cancellationToken));

    [HttpPost("enrol/{courseItemId:int}")]
    public async Task<IActionResult> Enrol(int courseItemId, [FromServices] Enrol enrol, CancellationToken cancellationToken)
    {
        var result = await enrol.HandleAsync(LearnerId, courseItemId, cancellationToken);
        if (result.Outcome == EnrolOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = t[result.Outcome == EnrolOutcome.AlreadyEnrolled ? "Learning.Enrol.Already" : "Learning.Enrol.Done"].Value;
        return Redirect($"/learn/{result.CourseSlug}");
    }

    [HttpPost("leave/{enrollmentId:int}")]
    public async Task<IActionResult> Leave(int enrollmentId, [FromServices] Leave leave, CancellationToken cancellationToken)
    {
        var outcome = await leave.HandleAsync(LearnerId, enrollmentId, cancellationToken);
        if (outcome == LeaveOutcome.NotFound) return NotFound();
        if (outcome == LeaveOutcome.NotAllowed) return BadRequest();
        TempData["StatusMessage"] = t["Learning.Leave.Done"].Value;
        return Redirect("/learn");
    }

    [HttpGet("{courseSlug}")]
    public async Task<IActionResult> Resume(string courseSlug, [FromServices] ResumeCourse resume, CancellationToken cancellationToken)
    {
        var result = await resume.HandleAsync(LearnerId, courseSlug, cancellationToken);
        return result.Outcome switch
        {
            LessonOutcome.Found => Redirect($"/learn/{courseSlug}/{result.LessonSlug}"),
            LessonOutcome.NotEnrolled => Redirect($"/courses/{courseSlug}"),
            _ => NotFound(),
        };
    }

    [HttpGet("{courseSlug}/{lessonId}")]
    public async Task<IActionResult> Lesson(string courseSlug, string lessonId, [FromServices] OpenLesson open, CancellationToken cancellationToken)
    {
        var result = await open.HandleAsync(LearnerId, courseSlug, lessonId, cancellationToken);
        return result.Outcome switch
        {
            LessonOutcome.Found => View(result.Page),
            LessonOutcome.NotEnrolled => Redirect($"/courses/{courseSlug}"),
            _ => NotFound(),
        };
    }

    [HttpPost("{courseSlug}/{lessonId}/done")]
    public async Task<IActionResult> MarkDone(string courseSlug, string lessonId, [FromServices] MarkLessonDone markDone, CancellationToken cancellationToken)
    {
        var result = await markDone.HandleAsync(LearnerId, courseSlug, lessonId, cancellationToken);
        if (result.Outcome != LessonOutcome.Found) return NotFound();
        TempData["StatusMessage"] = t[result.CourseCompleted ? "Learning.Lesson.CourseCompleted" : "Learning.Lesson.Marked"].Value;
        return Redirect($"/learn/{courseSlug}/{result.NextLessonSlug ?? lessonId}");
    }

    /// <summary>learning.js beats here; any interval the client sends is tampering, since the server measures it.</summary>
    [HttpPost("{courseSlug}/{lessonId}/heartbeat")]
    public async Task<IActionResult> Heartbeat(string courseSlug, string lessonId, HeartbeatInput? input,
        [FromServices] Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        if (input?.ClaimsAnInterval == true) return BadRequest();
        return await heartbeat.HandleAsync(LearnerId, courseSlug, lessonId, cancellationToken) == HeartbeatOutcome.Counted
            ? NoContent() : NotFound();
    }
}

/// <summary>The fields a forged heartbeat would use to claim time; a real one sends none of them.</summary>
public sealed record HeartbeatInput(string? Seconds = null, string? Interval = null, string? Elapsed = null)
{
    public bool ClaimsAnInterval => Seconds is not null || Interval is not null || Elapsed is not null;
}
