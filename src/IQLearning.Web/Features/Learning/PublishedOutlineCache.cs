using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace IQLearning.Web.Features.Learning;

/// <summary>
/// Built course outlines, one per course, kept for the life of the process. Published versions are immutable, so an
/// outline is stored with the signature of the published items it was built from (ids, places, slugs, versions) and
/// handed out only for that same signature: a publish anywhere changes the signature and the next read rebuilds.
/// The HTML of a lesson is kept by version id: a version is never changed once written.
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

    // Lesson HTML by published version (a version's HTML never changes). Bounded: past the limit it starts afresh.
    private const int MaxLessonVersions = 2000;
    private readonly ConcurrentDictionary<int, string> _lessonHtml = new();

    public bool TryGetLessonHtml(int versionId, [NotNullWhen(true)] out string? html) => _lessonHtml.TryGetValue(versionId, out html);

    public void SetLessonHtml(int versionId, string html)
    {
        if (_lessonHtml.Count >= MaxLessonVersions) _lessonHtml.Clear();
        _lessonHtml[versionId] = html;
    }
}
