namespace IQLearning.Web.Infrastructure;

/// <summary>A command run instead of the web server: `dotnet run --project src/IQLearning.Web -- NAME ARGS`.</summary>
public interface ISiteCommand
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IReadOnlyList<string> arguments, TextReader input, TextWriter output, CancellationToken cancellationToken);
}

public static class CommandLineExtensions
{
    public static IServiceCollection AddSiteCommand<T>(this IServiceCollection services) where T : class, ISiteCommand =>
        services.AddScoped<ISiteCommand, T>();

    /// <summary>Runs the command named by the first argument, if any; returns its exit code, or null to serve the site.</summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetServices<ISiteCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
            foreach (var c in commands) await Console.Error.WriteLineAsync($"  {c.Usage}");
            return 2;
        }
        await app.RunStartupTasksAsync();
        return await command.RunAsync(args.Skip(1).ToList(), Console.In, Console.Out, CancellationToken.None);
    }
}
