using Hangfire;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Web.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public const string RetentionJobId = "privacy-retention";

    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ExportMyData>();
        services.AddScoped<ManageConsents>();
        services.AddScoped<DeleteMyAccount>();
        services.AddScoped<RetentionJob>();
        services.AddStartupTask<ScheduleRetention>();
        services.AddSingleton(new NavigationItem("Privacy.Nav", "/account/privacy", 85, u => u.Identity?.IsAuthenticated == true));
        return services;
    }
}

/// <summary>Once a day the retention job deletes what has outlived its period; a missed day is caught up by the next run.</summary>
internal sealed class ScheduleRetention(IRecurringJobManager recurringJobs) : IStartupTask
{
    public int Order => 100;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<RetentionJob>(PrivacyServiceCollectionExtensions.RetentionJobId,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        return Task.CompletedTask;
    }
}
