using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace IQLearning.Web.Features.Learning;

/// <summary>
/// Built course outlines, one per course, kept for the life of the process. Published versions are immutable, so an
/// outline is stored with the signature of the published items it was built from (ids, places, slugs, versions) and
/// handed out only for that same signature: a publish anywhere changes the signature and the next read rebuilds.
/// The HTML of a lesson is kept with its version id (a version is never changed once written) and used only while that
/// version is the published one.
/// </summary>
public sealed class PublishedOutlineCache
{
    private readonly ConcurrentDictionary<int, (string Signature, CourseOutline Outline)> _outlines = new();

    public bool TryGetOutline(int courseItemId, string signature, [NotNullWhen(true)] out CourseOutline? outline)
    {
        outline = _outlines.TryGetValue(courseItemId, out var entry) && entry.Signature == signature ? entry.Outline : null;
        return outline is not null;
    }

    public void SetOutline(int courseItemId, string signature, CourseOutline outline) => _outlines[courseItemId] = (signature, outline);

    // A lesson's HTML with the version it belongs to, by course and lesson slug. Bounded: past the limit it starts afresh.
    private const int MaxLessons = 2000;
    private readonly ConcurrentDictionary<(string Course, string Lesson), KeptLessonHtml> _lessonHtml = new();

    public KeptLessonHtml? LessonHtml(string courseSlug, string lessonSlug) =>
        _lessonHtml.TryGetValue((courseSlug, lessonSlug), out var kept) ? kept : null;

    public void SetLessonHtml(string courseSlug, string lessonSlug, KeptLessonHtml html)
    {
        if (_lessonHtml.Count >= MaxLessons) _lessonHtml.Clear();
        _lessonHtml[(courseSlug, lessonSlug)] = html;
    }
}

/// <summary>A lesson's pre-rendered HTML and the version it was rendered for.</summary>
public sealed record KeptLessonHtml(int VersionId, string Html);
