using System.Collections.Concurrent;
using System.Data.Common;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Learning;

/// <summary>
/// The site seeded with the shipped curriculum, with a recorder of <see cref="CourseCompleted"/> events and a
/// counter of the database commands each request path causes.
/// </summary>
public class LearningSite : SiteFactory
{
    public const string CourseSlug = "auslaendische-berufsabschluesse-anerkennung";
    public const string OtherCourseSlug = "interkulturelle-kompetenz-personalmanagement";

    public LearningSite()
    {
        WithSetting("Content:SeedDirectory", ShippedContent);
        WithServices(services =>
        {
            services.AddSingleton(Completions);
            services.AddScoped<ICourseCompletedHandler, RecordingCompletedHandler>();
            services.AddSingleton(Commands);
            services.AddSingleton<IInterceptor>(sp =>
            {
                Commands.Http = sp.GetRequiredService<IHttpContextAccessor>();
                return Commands;
            });
        });
    }

    public CompletionRecorder Completions { get; } = new();
    public CommandCounter Commands { get; } = new();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    public Task<CourseOutline> OutlineAsync(string slug = CourseSlug) =>
        WithDbAsync(async (_, sp) => (await sp.GetRequiredService<CourseOutlines>().FindAsync(slug, null, default))!.Outline);

    public Task<Enrollment?> EnrollmentAsync(string userId, int courseItemId) =>
        WithDbAsync((db, _) => db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.CourseItemId == courseItemId));

    /// <summary>What the quiz player will do: store a passed attempt and raise the step in its own transaction.</summary>
    public Task PassAssessmentAsync(string userId, int courseItemId, int assessmentItemId) =>
        StepAsync(userId, courseItemId, db =>
        {
            var versionId = db.ContentItems.Where(i => i.Id == assessmentItemId).Select(i => i.PublishedVersionId!.Value).Single();
            var number = db.QuizAttempts.Count(a => a.UserId == userId && a.AssessmentItemId == assessmentItemId) + 1;
            db.QuizAttempts.Add(new QuizAttempt
            {
                UserId = userId, AssessmentItemId = assessmentItemId, AssessmentVersionId = versionId, Number = number,
                Status = AttemptStatus.Submitted, StartedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow,
                Points = 9, MaxPoints = 10, Percent = 90, Passed = true,
            });
        });

    /// <summary>What the scenario player will do: store a finished run and raise the step.</summary>
    public Task FinishScenarioAsync(string userId, int courseItemId, int scenarioItemId) =>
        StepAsync(userId, courseItemId, db =>
        {
            var versionId = db.ContentItems.Where(i => i.Id == scenarioItemId).Select(i => i.PublishedVersionId!.Value).Single();
            db.ScenarioRuns.Add(new ScenarioRun
            {
                UserId = userId, ScenarioItemId = scenarioItemId, ScenarioVersionId = versionId,
                StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
            });
        });

    /// <summary>Raises <see cref="CourseStepCompleted"/> inside a transaction, as another feature does after its step.</summary>
    public async Task StepAsync(string userId, int courseItemId, Action<AppDbContext>? step = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        step?.Invoke(db);
        await db.SaveChangesAsync();
        await RaiseAsync(scope.ServiceProvider, userId, courseItemId);
        await transaction.CommitAsync();
    }

    /// <summary>Raises the step with no transaction around it, so that concurrent callers really read at the same time.</summary>
    public async Task RaiseWithoutTransactionAsync(string userId, int courseItemId)
    {
        using var scope = Services.CreateScope();
        await RaiseAsync(scope.ServiceProvider, userId, courseItemId);
    }

    private static async Task RaiseAsync(IServiceProvider services, string userId, int courseItemId)
    {
        foreach (var handler in services.GetServices<ICourseStepHandler>())
            await handler.HandleAsync(new CourseStepCompleted(userId, courseItemId), default);
    }
}

public sealed class CompletionRecorder
{
    public ConcurrentQueue<CourseCompleted> Events { get; } = new();

    public IReadOnlyList<CourseCompleted> For(string userId) => Events.Where(e => e.UserId == userId).ToList();
}

internal sealed class RecordingCompletedHandler(CompletionRecorder recorder) : ICourseCompletedHandler
{
    public Task HandleAsync(CourseCompleted completion, CancellationToken cancellationToken)
    {
        recorder.Events.Enqueue(completion);
        return Task.CompletedTask;
    }
}

/// <summary>Counts the database commands run while handling requests to a path, so a test can hold a page to a query budget.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _byPath = new();

    public IHttpContextAccessor? Http { get; set; }

    public int For(string path) => _byPath.GetValueOrDefault(path);

    public void Reset() => _byPath.Clear();

    private void Count()
    {
        if (Http?.HttpContext?.Request.Path.Value is { } path) _byPath.AddOrUpdate(path, 1, (_, n) => n + 1);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return base.ReaderExecuting(command, eventData, result);
    }
}
