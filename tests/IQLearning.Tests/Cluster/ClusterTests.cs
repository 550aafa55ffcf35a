using System.Net;
using System.Text.RegularExpressions;
using IQLearning.Tests.Support;
using Npgsql;

namespace IQLearning.Tests.Cluster;

/// <summary>Two app processes on two loopback ports sharing one PostgreSQL database and one Redis.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class ClusterTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(fromTemplate: false); // empty: the replicas must migrate it
    private readonly string _sharedData = Directory.CreateTempSubdirectory("iql-cluster-").FullName;
    private netDumbster.smtp.SimpleSmtpServer? _smtp;
    private Replica _a = null!;
    private Replica _b = null!;

    public async Task InitializeAsync()
    {
        if (!_database.IsPostgres) return;
        _smtp = netDumbster.smtp.Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        // Both start at once against an empty database: the startup lock lets one migrate and seed.
        _a = Replica.Start("A", Settings());
        _b = Replica.Start("B", Settings());
        try
        {
            await Task.WhenAll(_a.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3)), _b.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3)));
        }
        catch
        {
            // xunit does not call DisposeAsync when InitializeAsync fails: leave no replica behind.
            await DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(_database.Settings)
        {
            ["Site:DataDirectory"] = _sharedData,
            ["Content:SeedDirectory"] = SiteFactory.ShippedContent,
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp!.Configuration.Port.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["RateLimits:AccountPostsPerMinute"] = "10000",
            ["Admin:Email"] = "cluster-admin@example.org",
            ["Admin:Password"] = TestAccounts.Password,
        };
        return settings;
    }

    // One test, because starting a cluster is the expensive part: each fact would start its own.
    [ClusterFact]
    public async Task Two_replicas_start_together_migrate_and_seed_once_and_share_sessions_and_antiforgery_tokens()
    {
        await Both_replicas_start_together_and_migrate_and_seed_once();
        await A_session_and_an_antiforgery_token_from_replica_a_are_valid_on_replica_b();
    }

    private async Task Both_replicas_start_together_and_migrate_and_seed_once()
    {
        await using var connection = new NpgsqlConnection(_database.Settings["Database:ConnectionString"]);
        await connection.OpenAsync();
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"ContentItems\" WHERE \"Kind\" = 'Course'"));
        Assert.Equal(await ScalarAsync(connection, "SELECT COUNT(*) FROM \"ContentItems\""),
                     await ScalarAsync(connection, "SELECT COUNT(DISTINCT \"ContentItemId\") FROM \"ContentVersions\""));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'cluster-admin@example.org'"));
    }

    private async Task A_session_and_an_antiforgery_token_from_replica_a_are_valid_on_replica_b()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);

        var loginPage = await http.GetStringAsync(_a.BaseUrl + "/account/login");
        var signIn = await http.PostAsync(_a.BaseUrl + "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(loginPage), ["Email"] = "cluster-admin@example.org", ["Password"] = TestAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        CopyCookies(cookies, _a, _b);

        // The sign-in cookie from A opens an administrator page on B …
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(_b.BaseUrl + "/admin/users")).StatusCode);
        // … and a form rendered by A posts successfully to B.
        var profileOnA = await http.GetStringAsync(_a.BaseUrl + "/account/profile");
        CopyCookies(cookies, _a, _b);
        var saved = await http.PostAsync(_b.BaseUrl + "/account/profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(profileOnA), ["DisplayName"] = "Cluster Admin", ["PreferredLanguage"] = "de",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static void CopyCookies(CookieContainer cookies, Replica from, Replica to)
    {
        foreach (Cookie cookie in cookies.GetCookies(new Uri(from.BaseUrl)))
            cookies.Add(new Uri(to.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/"));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async Task DisposeAsync()
    {
        if (!_database.IsPostgres) return;
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _smtp?.Stop();
        _database.Drop();
        Directory.Delete(_sharedData, recursive: true);
    }
}
