using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Assessments.Taking;

/// <summary>Records every course step raised, as the learning feature's handler would receive it.</summary>
public sealed class RecordedSteps
{
    public ConcurrentQueue<CourseStepCompleted> Steps { get; } = new();

    public IReadOnlyList<CourseStepCompleted> For(string userId) => Steps.Where(s => s.UserId == userId).ToList();
}

internal sealed class RecordingStepHandler(RecordedSteps recorded) : ICourseStepHandler
{
    public Task HandleAsync(CourseStepCompleted step, CancellationToken cancellationToken)
    {
        recorded.Steps.Enqueue(step);
        return Task.CompletedTask;
    }
}

/// <summary>The site seeded with the shipped curriculum, a clock the tests move, and a recording course-step handler.</summary>
public class AssessmentSite : SiteFactory
{
    public AssessmentSite()
    {
        WithSetting("Content:SeedDirectory", ShippedContent);
        WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Recorded);
            services.AddScoped<ICourseStepHandler, RecordingStepHandler>();
        });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public RecordedSteps Recorded { get; } = new();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<ContentItem> ItemAsync(ContentKind kind, string slug) =>
        WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.Kind == kind && i.Slug == slug));

    public Task<string> PublishedBodyAsync(int itemId) =>
        WithDbAsync(db => db.ContentItems.Where(i => i.Id == itemId)
            .Select(i => db.ContentVersions.Single(v => v.Id == i.PublishedVersionId).Body).SingleAsync());

    /// <summary>A new assessment of the shipped course, so a test can choose its questions and settings without touching others.</summary>
    public Task<ContentItem> CreateAssessmentAsync(string gift, AssessmentSettings settings) => WithDbAsync(async db =>
    {
        var course = await db.ContentItems.SingleAsync(i => i.Kind == ContentKind.Course && i.Slug == "interkulturelle-kompetenz-personalmanagement");
        var item = new ContentItem { Kind = ContentKind.Assessment, Slug = "test/" + Guid.NewGuid().ToString("N"), UnitId = course.UnitId, Language = "de", ParentId = course.Id };
        db.ContentItems.Add(item);
        await db.SaveChangesAsync();
        var version = new ContentVersion
        {
            ContentItemId = item.Id, Number = 1, Status = VersionStatus.Published, Title = "Testquiz", Body = gift,
            MetadataJson = ContentMetadata.Serialize(settings), ContentHash = Guid.NewGuid().ToString("N"),
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync();
        item.PublishedVersionId = item.LatestVersionId = version.Id;
        await db.SaveChangesAsync();
        return item;
    });
}

/// <summary>Drives the quiz pages over HTTP the way a browser without JavaScript (or with quiz.js) would.</summary>
public sealed partial class QuizDriver(SiteClient client, int assessmentItemId)
{
    public SiteClient Client { get; } = client;
    public string QuizUrl => $"/quiz/{assessmentItemId}";

    public async Task<int> StartAsync()
    {
        var response = await Client.PostFromPageAsync(QuizUrl, QuizUrl + "/attempts");
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return int.Parse(AttemptId().Match(location).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public string AttemptUrl(int attemptId) => $"{QuizUrl}/attempts/{attemptId}";

    public async Task<HttpResponseMessage> PostAsync(int attemptId, string action, IEnumerable<KeyValuePair<string, string>> fields, bool autosave = false)
    {
        var token = await TokenAsync(QuizUrl);
        var request = new HttpRequestMessage(HttpMethod.Post, AttemptUrl(attemptId) + action)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (autosave) request.Headers.Add("X-Autosave", "1");
        return await Client.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SaveAsync(int attemptId, IEnumerable<KeyValuePair<string, string>> fields, bool autosave = false) =>
        PostAsync(attemptId, "/answers", fields, autosave);

    public Task<HttpResponseMessage> SubmitAsync(int attemptId) => PostAsync(attemptId, "/submit", []);

    public async Task<string> TokenAsync(string pageUrl)
    {
        var (_, page) = await Client.GetAsync(pageUrl);
        return ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    [GeneratedRegex(@"/attempts/(\d+)")]
    private static partial Regex AttemptId();
}

/// <summary>The form fields that answer every question fully correctly, derived from the parsed questions.</summary>
public static class CorrectAnswers
{
    public static IReadOnlyList<Question> Parse(string gift) => GiftParser.Parse("quiz.gift", gift, GiftParseOptions.Content).Questions;

    public static IEnumerable<KeyValuePair<string, string>> For(Question question)
    {
        var name = "answer." + question.Id;
        switch (question)
        {
            case SingleChoiceQuestion single:
                yield return new(name, IndexOfMax(single.Choices.Select(c => c.WeightPercent)).ToString(CultureInfo.InvariantCulture));
                break;
            case MultipleResponseQuestion multiple:
                for (var i = 0; i < multiple.Choices.Count; i++)
                    if (multiple.Choices[i].WeightPercent > 0) yield return new(name, i.ToString(CultureInfo.InvariantCulture));
                break;
            case TrueFalseQuestion trueFalse:
                yield return new(name, trueFalse.CorrectAnswer ? "true" : "false");
                break;
            case MatchingQuestion matching:
                for (var i = 0; i < matching.Pairs.Count; i++)
                    if (!matching.Pairs[i].IsDistractor) yield return new($"{name}.{i}", matching.Pairs[i].Answer);
                break;
            case ShortAnswerQuestion shortAnswer:
                yield return new(name, shortAnswer.Answers.First(a => a.WeightPercent == 100m).Text.Replace("*", "x"));
                break;
            case NumericalQuestion numerical:
                yield return new(name, numerical.Answers.First(a => a.WeightPercent == 100m && a.Value is not null).Value!.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case EssayQuestion:
                yield return new(name, "Meine private Reflexion.");
                break;
        }
    }

    private static int IndexOfMax(IEnumerable<decimal> weights) =>
        weights.Select((w, i) => (w, i)).MaxBy(x => x.w).i;
}
