using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using IQLearning.Web.Data;

namespace IQLearning.Web.Infrastructure;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>File of the Hangfire SQLite storage, relative to the data directory.</summary>
    public string SqliteFile { get; set; } = "hangfire.db";

    [Range(1, 64)] public int WorkerCount { get; set; } = 2;

    /// <summary>False runs no job server in this process (jobs are still queued); for a web-only replica.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// How long a job fetched by a worker that died stays invisible before another worker takes it (PostgreSQL storage).
    /// A running job keeps renewing its fetch, so this may be shorter than the longest job.
    /// </summary>
    [Range(5, 3600)] public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// After this time a Hangfire lock (PostgreSQL storage) counts as abandoned. A replica killed while it holds one (a job's
    /// state lock, say) leaves it behind, and the job it guards waits this long; Hangfire holds its locks for moments.
    /// </summary>
    [Range(5, 3600)] public int DistributedLockTimeoutSeconds { get; set; } = 60;
}

public static class BackgroundJobsExtensions
{
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var dataDirectory = SiteOptions.ResolveDataDirectory(configuration);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
               .UseSimpleAssemblyNameTypeSerializer()
               .UseRecommendedSerializerSettings();
            if (database.Provider == "Postgres")
                // The jobs live in the same PostgreSQL database (schema "hangfire"), shared by every replica.
                UsePostgreSqlStorage(cfg, database, options);
            else
            {
                Directory.CreateDirectory(dataDirectory);
                // The storage's default poll is 15 s; a confirmation mail should not wait that long.
                cfg.UseSQLiteStorage(Path.Combine(dataDirectory, options.SqliteFile),
                    new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
        if (options.RunServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.ShutdownTimeout = TimeSpan.FromSeconds(30);
            });
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    // Apart, so that a site on SQLite never loads the PostgreSQL job storage.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void UsePostgreSqlStorage(IGlobalConfiguration cfg, DatabaseOptions database, JobsOptions options) =>
        cfg.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(DataServiceCollectionExtensions.PostgresConnectionString(database.ConnectionString)),
            new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
                // Without it a job running longer than the timeout is fetched again by another worker and runs twice.
                UseSlidingInvisibilityTimeout = true,
                // The storage's default is ten minutes, so a killed replica's lock held up a job that long.
                DistributedLockTimeout = TimeSpan.FromSeconds(options.DistributedLockTimeoutSeconds),
                PrepareSchemaIfNecessary = true,
            });
}
