namespace IQLearning.Web.Infrastructure;

/// <summary>Work that must be done once before the site serves requests (migrate, seed), run in <see cref="Order"/>.</summary>
public interface IStartupTask
{
    int Order { get; }
    Task RunAsync(CancellationToken cancellationToken);
}

public static class StartupTaskExtensions
{
    public static IServiceCollection AddStartupTask<T>(this IServiceCollection services) where T : class, IStartupTask =>
        services.AddScoped<IStartupTask, T>();

    /// <summary>Runs the tasks while holding the startup lock, so of several replicas starting at once only one migrates and seeds.</summary>
    public static async Task RunStartupTasksAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        await using var startupLock = await scope.ServiceProvider.GetRequiredService<IStartupLock>().AcquireAsync(cancellationToken);
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
            await task.RunAsync(cancellationToken);
    }
}

/// <summary>A lock shared by all replicas of the site for the duration of the startup tasks.</summary>
public interface IStartupLock
{
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}
