using System.Diagnostics;
using System.Globalization;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IQLearning.Bench;

/// <summary>
/// The floors the learning benchmark (bench/learning/run.sh) compares the site against: a bare Kestrel endpoint that
/// returns the very bytes of a lesson page, and the rate at which SQLite commits a one-row update on this disk.
/// </summary>
internal static class LearningBaselines
{
    /// <summary>
    /// Serves <paramref name="file"/> at every GET on 127.0.0.1:<paramref name="port"/> until stopped. With
    /// <paramref name="keys"/> (the site's Data Protection key folder) it first checks the site's sign-in cookie as the
    /// site does — decrypt and read the ticket — and answers 401 without it: what signing in alone costs a page.
    /// </summary>
    public static async Task ServeBareAsync(int port, string file, string? keys = null)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(port));
        if (keys is not null)
        {
            // The site's application name, key folder, scheme and cookie name, so its cookie decrypts here.
            builder.Services.AddDataProtection().SetApplicationName(SharedStateExtensions.ApplicationName)
                .PersistKeysToFileSystem(new DirectoryInfo(keys));
            builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
                .AddCookie(IdentityConstants.ApplicationScheme, o => o.Cookie.Name = AccountsServiceCollectionExtensions.SignInCookieName);
        }
        var app = builder.Build();
        if (keys is not null) app.UseAuthentication();
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            if (keys is not null && context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes).AsTask();
        });
        Console.WriteLine($"bare endpoint{(keys is null ? "" : " with the sign-in cookie check")}: {bytes.Length} bytes on http://127.0.0.1:{port}/");
        await app.RunAsync();
    }

    /// <summary>
    /// Commits of one-row UPDATEs, one connection, WAL mode and the same default synchronous setting the site uses:
    /// the most a single SQLite file on this disk can commit, whatever the code above it.
    /// </summary>
    public static void MeasureCommits(string directory, int seconds, TextWriter output)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "commits.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, at TEXT NOT NULL);" +
                            "INSERT OR IGNORE INTO counter VALUES (1, 0, '');");
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE counter SET n = n + 1, at = $at WHERE id = 1";
        var at = update.Parameters.Add("$at", SqliteType.Text);
        var clock = Stopwatch.StartNew();
        var commits = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            at.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            update.ExecuteNonQuery();
            commits++;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw SQLite single-row commits: {commits / clock.Elapsed.TotalSeconds:F1}/s ({commits} in {clock.Elapsed.TotalSeconds:F1} s)"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
