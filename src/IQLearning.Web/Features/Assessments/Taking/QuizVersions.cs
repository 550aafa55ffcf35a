using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Content.Markdown;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>
/// One version of an assessment, parsed once: a published version never changes, so its questions and their
/// rendered texts are kept in memory by version id and no request runs the GIFT parser or Markdig twice.
/// </summary>
public sealed class QuizVersion(int versionId, int assessmentItemId, int courseItemId, string title, string language,
    IReadOnlyList<Question> questions, AssessmentSettings settings)
{
    private readonly Dictionary<string, Question> _byId = questions.ToDictionary(q => q.Id);
    private readonly ConcurrentDictionary<FormattedText, IHtmlContent> _html = new();

    public int VersionId { get; } = versionId;
    public int AssessmentItemId { get; } = assessmentItemId;
    public int CourseItemId { get; } = courseItemId;
    public string Title { get; } = title;
    public string Language { get; } = language;
    public IReadOnlyList<Question> Questions { get; } = questions;
    public AssessmentSettings Settings { get; } = settings;

    /// <summary>The questions a learner answers (descriptions only inform).</summary>
    public int AnswerableCount => Questions.Count(q => q is not DescriptionQuestion);

    public Question? Find(string questionId) => _byId.GetValueOrDefault(questionId);

    public IHtmlContent Html(FormattedText text) => _html.GetOrAdd(text, t => new HtmlString(Render(t, Language)));

    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = MarkdownSanitizer.Create();

    // GIFT texts in the curriculum are plain; [markdown] and [html] go through the same safety pipeline as lessons.
    private static string Render(FormattedText text, string language) => text.Format switch
    {
        TextFormat.Markdown => MarkdownRenderer.Shared.Render(text.Text, language),
        TextFormat.Html => Sanitizer.Sanitize(text.Text),
        _ => WebUtility.HtmlEncode(text.Text).Replace("\n", "<br>"),
    };
}

/// <summary>The course an assessment or scenario belongs to: its title and pass mark now.</summary>
public sealed record CourseFacts(int CourseItemId, string Title, int PassMark);

/// <summary>Finds published assessments and the version an attempt pinned, from the cache or the database.</summary>
public sealed class QuizVersions(AppDbContext db, IMemoryCache cache)
{
    public async Task<QuizVersion?> PublishedAsync(int assessmentItemId, CancellationToken cancellationToken)
    {
        var versionId = await db.ContentItems.AsNoTracking()
            .Where(i => i.Id == assessmentItemId && i.Kind == ContentKind.Assessment && !i.Archived)
            .Select(i => i.PublishedVersionId).SingleOrDefaultAsync(cancellationToken);
        return versionId is { } id ? await VersionAsync(id, cancellationToken) : null;
    }

    public async Task<QuizVersion> VersionAsync(int versionId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("quiz-version", versionId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var row = await db.ContentVersions.AsNoTracking().Where(v => v.Id == versionId)
                .Select(v => new { v.Id, v.ContentItemId, v.Item!.ParentId, v.Item.Language, v.Title, v.Body, v.MetadataJson })
                .SingleAsync(cancellationToken);
            var parsed = GiftParser.Parse("assessment.gift", row.Body, GiftParseOptions.Content);
            if (!parsed.Succeeded)
                throw new InvalidDataException($"Assessment version {versionId} does not parse: {string.Join("; ", parsed.Errors)}");
            return new QuizVersion(row.Id, row.ContentItemId, row.ParentId ?? 0, row.Title, row.Language, parsed.Questions,
                ReadSettings(row.MetadataJson));
        }) ?? throw new InvalidOperationException("The cache returned no quiz version.");

    public async Task<CourseFacts> CourseAsync(int courseItemId, CancellationToken cancellationToken)
    {
        var course = await db.ContentItems.AsNoTracking().Where(i => i.Id == courseItemId)
            .Select(i => db.ContentVersions.Where(v => v.Id == i.PublishedVersionId).Select(v => new { v.Title, v.MetadataJson }).SingleOrDefault())
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null) return new CourseFacts(courseItemId, "", 100);
        var passMark = JsonSerializer.Deserialize<PassMarkOnly>(course.MetadataJson, JsonOptions)?.PassMark ?? 100;
        return new CourseFacts(courseItemId, course.Title, Math.Clamp(passMark, 0, 100));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record PassMarkOnly(int? PassMark);

    /// <summary>Missing fields take the defaults of <see cref="AssessmentSettings"/>; nonsense (0 attempts, 0 minutes) counts as not set.</summary>
    internal static AssessmentSettings ReadSettings(string metadataJson)
    {
        AssessmentSettings? settings = null;
        try { settings = JsonSerializer.Deserialize<AssessmentSettings>(metadataJson, JsonOptions); }
        catch (JsonException) { }
        settings ??= new AssessmentSettings("");
        return settings with
        {
            AttemptsAllowed = settings.AttemptsAllowed is > 0 ? settings.AttemptsAllowed : null,
            TimeLimitMinutes = settings.TimeLimitMinutes is > 0 ? settings.TimeLimitMinutes : null,
        };
    }
}
