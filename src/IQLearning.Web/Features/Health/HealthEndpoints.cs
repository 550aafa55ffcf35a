using System.Net.Sockets;
using System.Text.Json;
using Hangfire;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IQLearning.Web.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs")
            .AddCheck<RedisHealthCheck>("redis")
            // A mail server that is down delays mail (the outbox keeps it) but must not take a replica out of service.
            .AddCheck<SmtpHealthCheck>("smtp", failureStatus: HealthStatus.Degraded);
        return services;
    }

    /// <summary>/health: 200 when healthy or degraded, 503 when a check fails, with one JSON entry per check.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson }).DisableRateLimiting();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                error = e.Value.Exception?.Message,
            }),
        }));
    }
}

/// <summary>Healthy when the Hangfire storage answers.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage does not answer.", ex));
        }
    }
}

/// <summary>Healthy when Redis answers a PING, or when no Redis is configured.</summary>
internal sealed class RedisHealthCheck(IServiceProvider services, IOptions<RedisOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(options.Value.Configuration)
            ? Task.FromResult(HealthCheckResult.Healthy("not configured"))
            : PingAsync();

    // Apart, so that a site without Redis never loads the Redis client.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<HealthCheckResult> PingAsync()
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis) return HealthCheckResult.Healthy("not configured");
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}

/// <summary>Checks that the SMTP server accepts a TCP connection (no mail is sent); the pickup folder needs no check.</summary>
internal sealed class SmtpHealthCheck(IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        if (!options.Value.UsesSmtp) return HealthCheckResult.Healthy("pickup folder");
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(smtp.Host!, smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy($"{smtp.Host}:{smtp.Port}");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{smtp.Host}:{smtp.Port} does not answer.", ex);
        }
    }
}
