using Hangfire;
using IQLearning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Infrastructure;

/// <summary>A job the test can watch: it notes its start, works a few seconds and notes its end.</summary>
public static class SlowJob
{
    public static async Task RunAsync(string folder)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "started"), "");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await File.WriteAllTextAsync(Path.Combine(folder, "finished"), "");
    }
}

/// <summary>Stopping the site (SIGTERM, a deployment) lets a running background job finish before the process ends.</summary>
[Collection(SiteCollection.Name)]
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_the_site_waits_for_a_running_job_to_finish()
    {
        var folder = Directory.CreateTempSubdirectory("iql-shutdown-").FullName;
        var site = new SiteFactory(startSmtp: false, useSmtp: false);
        try
        {
            site.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => SlowJob.RunAsync(folder));
            for (var i = 0; i < 300 && !File.Exists(Path.Combine(folder, "started")); i++) await Task.Delay(100);
            Assert.True(File.Exists(Path.Combine(folder, "started")), "the job never started");
            Assert.False(File.Exists(Path.Combine(folder, "finished")));
        }
        finally
        {
            // Stops the host as a SIGTERM would; the job server's shutdown waits for the running job.
            await site.DisposeAsync();
        }

        Assert.True(File.Exists(Path.Combine(folder, "finished")), "the site stopped before its running job finished");
        Directory.Delete(folder, recursive: true);
    }
}
