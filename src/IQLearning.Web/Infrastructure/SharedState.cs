using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace IQLearning.Web.Infrastructure;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration, e.g. "redis:6379". Empty: no Redis (single node).</summary>
    public string? Configuration { get; set; }
}

/// <summary>
/// What replicas must share to act as one site: the Data Protection key ring (cookies, antiforgery tokens) and the
/// distributed cache. With Redis configured both live there; without, keys are kept in the data directory.
/// </summary>
public static class SharedStateExtensions
{
    /// <summary>The Data Protection application name: replicas (and tools reading the site's cookies) must share it.</summary>
    public const string ApplicationName = "IQLearning";

    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var redis = configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"];
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(SiteOptions.ResolveDataDirectory(configuration), "keys")));
            services.AddDistributedMemoryCache();
            return services;
        }
        UseRedis(services, dataProtection, redis);
        return services;
    }

    // Apart, so that a site without Redis never loads the Redis client (it is compiled only when called).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void UseRedis(IServiceCollection services, IDataProtectionBuilder dataProtection, string redis)
    {
        ConfigurationOptions redisOptions;
        try { redisOptions = ConfigurationOptions.Parse(redis); }
        catch (ArgumentException ex) { throw new StartupFailedException("Redis:Configuration", $"is not a valid Redis configuration: {ex.Message}"); }
        // Keep trying in the background when Redis is down, so the site recovers without a restart.
        redisOptions.AbortOnConnectFail = false;
        var multiplexer = ConnectionMultiplexer.Connect(redisOptions);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        dataProtection.PersistKeysToStackExchangeRedis(multiplexer, "IQLearning:DataProtection-Keys");
        services.AddStackExchangeRedisCache(o => o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(multiplexer));
    }
}
