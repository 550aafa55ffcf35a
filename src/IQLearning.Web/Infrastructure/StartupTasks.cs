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

    public static async Task RunStartupTasksAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
            await task.RunAsync(cancellationToken);
    }
}
