using IQLearning.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != "Sqlite")
            throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported yet; use Sqlite.");

        var dataDirectory = SiteOptions.ResolveDataDirectory(configuration);
        var connectionString = SqliteConnectionString(options.ConnectionString, dataDirectory);
        services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, db) =>
        {
            db.UseSqlite(connectionString);
            db.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddStartupTask<MigrateDatabase>();
        return services;
    }

    internal static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(dataDirectory, "iqlearning.db")}"
            : configured);
        // A relative file name would follow the working directory; anchor it to the data directory instead.
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(dataDirectory, builder.DataSource);
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}

/// <summary>Applies pending migrations at start and puts the SQLite file in WAL mode.</summary>
internal sealed class MigrateDatabase(AppDbContext db, ILogger<MigrateDatabase> logger) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
