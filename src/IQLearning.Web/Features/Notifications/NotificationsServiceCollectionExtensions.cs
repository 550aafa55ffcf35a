using Hangfire;
using IQLearning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var dataDirectory = SiteOptions.ResolveDataDirectory(configuration);
        services.AddSingleton(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory;
            return new MailPickupDirectory(Path.GetFullPath(Path.Combine(dataDirectory, folder)));
        });
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryMailTransport>());
        services.AddScoped<MailOutbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<IInterceptor, OutboxDispatchInterceptor>();
        services.AddStartupTask<ScheduleOutboxSweep>();
        return services;
    }
}

/// <summary>Every minute, send what is due: retries after back-off and anything whose send job never started.</summary>
internal sealed class ScheduleOutboxSweep(IRecurringJobManager recurringJobs) : IStartupTask
{
    public int Order => 100;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OutboxDispatcher>("mail-outbox-sweep", d => d.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }
}
