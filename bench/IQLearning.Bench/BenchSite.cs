using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Infrastructure;
using IQLearning.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IQLearning.Bench;

/// <summary>
/// The site's own certificate services (AddCertificates, AddNotifications, the one DbContext) on a fresh SQLite file in
/// a temp folder, without the web server and without Hangfire: what runs when a certificate is issued, and nothing else.
/// A learner who consented that their employer receives certificates, so each issue queues two mails.
/// </summary>
internal sealed class BenchSite : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iql-bench-").FullName;

    private BenchSite(int smtpPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:DataDirectory"] = _directory,
            ["Site:PublicBaseUrl"] = "https://lernen.iq.example",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtpPort.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:FromAddress"] = "no-reply@iq.example",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddHttpContextAccessor()
            .AddSingleton<IServer, NoServer>() // PublicLinks asks for the server's address only without PublicBaseUrl
            .AddScoped<PublicLinks>();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSiteLocalization();
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory, "bench.db")};Pooling=true").AddInterceptors(Database));
        services.AddNotifications(configuration).AddCertificates();
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }
    /// <summary>The SQL commands and commits of every DbContext of this site, for the issuing benchmark's breakdown.</summary>
    public DatabaseTimer Database { get; } = new();
    public int CourseItemId { get; private set; }
    public int CourseVersionId { get; private set; }
    public string UserId { get; private set; } = "";

    public static async Task<BenchSite> StartAsync(int smtpPort = 25)
    {
        var site = new BenchSite(smtpPort);
        await site.SeedAsync();
        return site;
    }

    /// <summary>One certificate as a completion issues it, in its own scope and transaction.</summary>
    public async Task<IssuedCertificate> IssueAsync(int index)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IssueCertificate>().IssueAsync(new CertificateRequest(
            $"Zofia Łukasiewicz-Müller {index}", "learner@example.org", UserId, CourseItemId, CourseVersionId, "de",
            IssueReasons.Completion, null, DateTime.UtcNow), CancellationToken.None))!;
    }

    private async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        using (var keys = CredentialSigningKeys.CreateNew())
            db.SigningKeyRings.Add(new SigningKeyRing
            {
                ProtectedKeys = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>()
                    .CreateProtector(IssuerSigningKeys.ProtectorPurpose).Protect(keys.Export()),
                CreatedAt = DateTime.UtcNow,
            });
        var metadata = new CourseMetadata(["jobcentre"], ["agg"], 450,
            ["Formen von Diskriminierung nach dem AGG erkennen", "Eigene Routinen prüfen", "Handlungsmöglichkeiten kennen"], [], 70, 24, null, [], []);
        var item = new ContentItem
        {
            Kind = ContentKind.Course, Slug = "adg-basis", Language = "de", CreatedAt = DateTime.UtcNow,
            Unit = new SpecialistUnit { Slug = "fachstelle-ika", Name = "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung" },
        };
        var version = new ContentVersion
        {
            Item = item, Number = 2, Status = VersionStatus.Published, Title = "Antidiskriminierung in der Arbeitsvermittlung – Basismodul",
            Body = "", ContentHash = "bench", MetadataJson = ContentMetadata.Serialize(metadata), CreatedAt = DateTime.UtcNow,
        };
        var user = new ApplicationUser { UserName = "learner@example.org", Email = "learner@example.org", DisplayName = "Zofia", CreatedAt = DateTime.UtcNow };
        var employer = new Organization { Name = "Arbeitgeber", CertificateRecipients = "personal@arbeitgeber.example", CreatedAt = DateTime.UtcNow };
        db.AddRange(version, user, employer);
        await db.SaveChangesAsync();
        db.AddRange(
            new OrganizationMember { OrganizationId = employer.Id, UserId = user.Id, JoinedAt = DateTime.UtcNow },
            new CertificateConsent { OrganizationId = employer.Id, UserId = user.Id, GivenAt = DateTime.UtcNow.AddDays(-1) });
        await db.SaveChangesAsync();
        (CourseItemId, CourseVersionId, UserId) = (item.Id, version.Id, user.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>No web server: the bench sets Site:PublicBaseUrl, so nothing asks this one for its address.</summary>
internal sealed class NoServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public void Dispose() { }
}
