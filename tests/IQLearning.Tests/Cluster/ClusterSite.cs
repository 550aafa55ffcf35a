using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IQLearning.Tests.Cluster;

/// <summary>
/// Two replicas (A, B) of the built site as separate processes on loopback ports, sharing one PostgreSQL database and
/// one Redis, each reaching them through a <see cref="TcpGate"/> the test can close; both send mail to this factory's
/// netDumbster server. The factory itself is a third, in-process member on the same database and Redis that runs no
/// job server and serves no requests: the test uses its services to create accounts, read tables and enqueue jobs.
/// </summary>
public sealed class ClusterSite : SiteFactory, IAsyncLifetime
{
    public const string SeededAdmin = "cluster-admin@example.org";
    /// <summary>A course of two required lessons and no test, added to the shipped curriculum: the last lesson completes it.</summary>
    public const string ShortCourse = "cluster-kurzkurs";
    /// <summary>Short, so that jobs a killed replica had fetched come back within the test; the app's minimum.</summary>
    public const int InvisibilityTimeoutSeconds = 5;

    private readonly TestDatabase _cluster = TestDatabase.Create(fromTemplate: false); // empty: the replicas must migrate it
    private readonly string _sharedData = Directory.CreateTempSubdirectory("iql-cluster-").FullName;
    private readonly string _content = Directory.CreateTempSubdirectory("iql-cluster-content-").FullName;

    public ClusterSite() : base(startSmtp: true)
    {
        if (!_cluster.IsPostgres) return;
        WithSetting("Database:ConnectionString", _cluster.Settings["Database:ConnectionString"]);
        WithSetting("Jobs:RunServer", "false");
    }

    public Replica A { get; private set; } = null!;
    public Replica B { get; private set; } = null!;
    public TcpGate Postgres { get; private set; } = null!;
    public TcpGate Redis { get; private set; } = null!;
    public string ConnectionString => _cluster.Settings["Database:ConnectionString"];

    public async Task InitializeAsync()
    {
        if (!_cluster.IsPostgres) return;
        WriteContent();
        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        Postgres = new TcpGate(postgres.Host!, postgres.Port);
        var redis = _cluster.Settings["Redis:Configuration"].Split(':');
        Redis = new TcpGate(redis[0], int.Parse(redis[1]));
        // Both start at once against an empty database: the startup lock lets one migrate and seed.
        A = Replica.Start("A", ReplicaSettings());
        B = Replica.Start("B", ReplicaSettings());
        try
        {
            await Task.WhenAll(A.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3)), B.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3)));
            _ = Services; // the in-process member starts only now, on the migrated database
        }
        catch
        {
            // xunit does not dispose a fixture whose InitializeAsync failed: leave no replica behind.
            await ((IAsyncLifetime)this).DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts replica A again on its port if it was killed (also by a fact that failed before it restarted it).</summary>
    public async Task EnsureAIsRunningAsync()
    {
        if (!A.HasExited) return;
        await A.DisposeAsync();
        A = Replica.Start("A", ReplicaSettings(), A.Port);
        await A.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
    }

    private Dictionary<string, string> ReplicaSettings() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Postgres.Port }.ConnectionString,
        ["Redis:Configuration"] = $"127.0.0.1:{Redis.Port}",
        ["Jobs:InvisibilityTimeoutSeconds"] = InvisibilityTimeoutSeconds.ToString(),
        ["Jobs:DistributedLockTimeoutSeconds"] = "10",
        ["Site:DataDirectory"] = _sharedData,
        ["Content:SeedDirectory"] = _content,
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = SmtpPort.ToString(),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:TimeoutSeconds"] = "5",
        ["RateLimits:AccountPostsPerMinute"] = "10000",
        ["Admin:Email"] = SeededAdmin,
        ["Admin:Password"] = TestAccounts.Password,
    };

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>A browser-like client signed in to nothing yet, whose cookies go to both replicas (cookies ignore the port).</summary>
    public ClusterClient NewClient() => new(A, B);

    // The shipped curriculum and one short course.
    private void WriteContent()
    {
        foreach (var file in Directory.EnumerateFiles(ShippedContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_content, Path.GetRelativePath(ShippedContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var course = Path.Combine(_content, "courses", ShortCourse);
        Directory.CreateDirectory(course);
        File.WriteAllText(Path.Combine(course, "course.md"), """
            ---
            title: Kurzkurs für den Clustertest
            language: de
            summary: Zwei Lektionen, kein Test.
            unit: fachstelle-ikoe
            audiences: [hr]
            topics: []
            duration_minutes: 20
            outcomes:
              - Sie schließen einen Kurs auf zwei Servern ab.
            standards: []
            certificate:
              pass_mark: 70
              validity_months: 0
            scenarios: []
            modules:
              - title: Alles
                lessons: [01-erste, 02-zweite]
            ---
            Ein kurzer Kurs.

            """);
        foreach (var (file, id, title) in new[] { ("01-erste", "cluster-erste", "Erste Lektion"), ("02-zweite", "cluster-zweite", "Zweite Lektion") })
            File.WriteAllText(Path.Combine(course, file + ".md"), $"""
                ---
                id: {id}
                title: {title}
                duration_minutes: 10
                required: true
                ---
                Inhalt der Lektion „{title}“.

                """);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (!_cluster.IsPostgres) return;
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (Postgres is not null) await Postgres.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        _cluster.Drop();
        Directory.Delete(_sharedData, recursive: true);
        Directory.Delete(_content, recursive: true);
    }
}

/// <summary>One person's browser, talking to replica A or B with the same cookies.</summary>
public sealed class ClusterClient : IDisposable
{
    private readonly CookieContainer _cookies = new();

    public ClusterClient(Replica a, Replica b)
    {
        OnA = Client(a);
        OnB = Client(b);
    }

    public SiteClient OnA { get; }
    public SiteClient OnB { get; }

    private SiteClient Client(Replica replica)
    {
        var handler = new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = new Uri(replica.BaseUrl), Timeout = TimeSpan.FromMinutes(3) }; // a bulk issue of 200 on a busy machine
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        return new SiteClient(http);
    }

    /// <summary>Signs in on <paramref name="on"/>: password, then the authenticator code when the site asks for one.</summary>
    public static async Task SignInAsync(SiteClient on, ClusterSite site, Web.Features.Accounts.ApplicationUser user)
    {
        var response = await on.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });
        if ((int)response.StatusCode == 302 && response.Headers.Location!.OriginalString.StartsWith("/account/login/two-factor"))
            response = await on.SubmitAsync(response.Headers.Location.OriginalString, "/account/login/two-factor",
                new Dictionary<string, string> { ["Code"] = Totp.Code(await TestAccounts.AuthenticatorKeyAsync(site, user)) });
        if ((int)response.StatusCode != 302 || response.Headers.Location?.OriginalString.StartsWith("/account/login") == true)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {(int)response.StatusCode} {response.Headers.Location}");
    }

    public void Dispose()
    {
        OnA.Dispose();
        OnB.Dispose();
    }
}
