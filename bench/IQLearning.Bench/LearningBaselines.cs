using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IQLearning.Bench;

/// <summary>
/// The floors the learning benchmark (bench/learning/run.sh) compares the site against: a bare Kestrel endpoint that
/// returns the very bytes of a lesson page, and the rate at which SQLite commits a one-row update on this disk.
/// </summary>
internal static class LearningBaselines
{
    /// <summary>Serves <paramref name="file"/> at every GET on 127.0.0.1:<paramref name="port"/> until stopped.</summary>
    public static async Task ServeBareAsync(int port, string file)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(port));
        var app = builder.Build();
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes).AsTask();
        });
        Console.WriteLine($"bare endpoint: {bytes.Length} bytes on http://127.0.0.1:{port}/");
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
