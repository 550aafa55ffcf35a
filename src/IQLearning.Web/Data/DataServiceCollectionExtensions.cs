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
        switch (options.Provider)
        {
            case "Sqlite":
                var sqlite = SqliteConnectionString(options.ConnectionString, SiteOptions.ResolveDataDirectory(configuration));
                // One gate per database file and process (one service provider serves one site).
                services.AddSingleton(_ => new SqliteWriteGate(TimeSpan.FromSeconds(SqliteTimeoutSeconds)));
                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, db) => db.UseSqlite(sqlite)
                    .AddInterceptors(Interceptors(sp)).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
                services.AddSingleton<IStartupLock, SingleNodeStartupLock>();
                break;
            case "Postgres":
                var postgres = PostgresConnectionString(options.ConnectionString);
                services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, db) => db.UseNpgsql(postgres).AddInterceptors(Interceptors(sp)));
                services.AddSingleton<IStartupLock>(sp => new PostgresStartupLock(postgres, sp.GetRequiredService<ILogger<PostgresStartupLock>>()));
                break;
            default:
                throw new StartupFailedException("Database:Provider", $"'{options.Provider}' is not a provider; use Sqlite or Postgres.");
        }
        services.AddStartupTask<MigrateDatabase>();
        return services;
    }

    // Contexts come from a pool (a request takes one and gives it back, without building the context's services
    // again); the options are built once for the process, so every interceptor must be a singleton.
    private static IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors(IServiceProvider sp) =>
        sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>();

    private const int SqliteTimeoutSeconds = 30;

    internal static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(dataDirectory, "iqlearning.db")}"
            : configured);
        // A relative file name would follow the working directory; anchor it to the data directory instead.
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(dataDirectory, builder.DataSource);
        builder.DefaultTimeout = SqliteTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }

    internal static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new StartupFailedException("Database:ConnectionString", "is required when Database:Provider is Postgres (e.g. Host=db;Database=iqlearning;Username=…;Password=…).");
        try { return new Npgsql.NpgsqlConnectionStringBuilder(configured).ConnectionString; }
        catch (ArgumentException ex) { throw new StartupFailedException("Database:ConnectionString", $"is not a valid PostgreSQL connection string: {ex.Message}"); }
    }
}

/// <summary>Applies pending migrations at start (EF Core holds a database lock meanwhile, so only one replica migrates).</summary>
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
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (!db.Database.IsSqlite() && IsPostgresUnreachable(db, ex))
        {
            throw new StartupFailedException("Database:ConnectionString",
                $"cannot use the PostgreSQL database ({Describe(db.Database.GetConnectionString())}): {ex.Message}");
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    // Apart, so that a site on SQLite never loads the PostgreSQL provider.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsPostgresUnreachable(AppDbContext db, Exception ex) =>
        db.Database.IsNpgsql() && ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException;

    private static string Describe(string? connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"host {builder.Host}, port {builder.Port}, database {builder.Database}";
    }
}
