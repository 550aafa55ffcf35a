using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace IQLearning.Tests.Support;

/// <summary>
/// The real site on a real SQLite file in a temp folder, with Hangfire on SQLite and a real SMTP server
/// (netDumbster) on loopback; optionally on Kestrel so a browser can reach it.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public SiteFactory(bool startSmtp = true, bool kestrel = false, bool useSmtp = true)
    {
        UsesSmtp = useSmtp;
        DataDirectory = Directory.CreateTempSubdirectory("iql-test-").FullName;
        Database = TestDatabase.Create();
        SmtpPort = FreeTcpPort();
        if (startSmtp) StartSmtp();
        if (kestrel) UseKestrel(0);
    }

    public string DataDirectory { get; }
    /// <summary>The database this site runs on: SQLite in the data directory, or a fresh PostgreSQL database.</summary>
    public TestDatabase Database { get; }
    public bool UsesSmtp { get; }
    public int SmtpPort { get; }
    public SimpleSmtpServer? Smtp { get; private set; }

    public SiteFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public SiteFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public void StartSmtp() =>
        Smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(SmtpPort).Build();

    public void StopSmtp()
    {
        Smtp?.Stop();
        Smtp?.Dispose();
        Smtp = null;
    }

    /// <summary>The base address of the running site (Kestrel's real port, or TestServer's).</summary>
    public Uri BaseAddress
    {
        get
        {
            using var _ = CreateClient(); // makes sure the server is started
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the theme's files come from the publish output; from the build output they need this.
        builder.UseStaticWebAssets();
        builder.UseSetting("Site:DataDirectory", DataDirectory);
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Mail:Smtp:Host", UsesSmtp ? "127.0.0.1" : "");
        builder.UseSetting("Mail:Smtp:Port", SmtpPort.ToString());
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Mail:FromAddress", "no-reply@iqlearning.test");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "10000");
        // Most tests need no curriculum; those that do set Content:SeedDirectory to the shipped content/.
        builder.UseSetting("Content:SeedDirectory", "");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        StopSmtp();
        SqliteConnection.ClearAllPools();
        Database.Drop();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The repository's content/ folder: the shipped curriculum.</summary>
    public static string ShippedContent => Path.Combine(RepositoryRoot(), "content");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IQLearning.sln"))) return dir.FullName;
        throw new InvalidOperationException("IQLearning.sln not found above " + AppContext.BaseDirectory);
    }

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
