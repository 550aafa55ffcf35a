using System.Net;
using System.Text.Json;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Features.Health;

[Collection(SiteCollection.Name)]
public sealed class HealthTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Health_reports_database_and_job_storage()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_sqlite_database_lives_in_the_data_directory_in_wal_mode()
    {
        if (site.Database.IsPostgres) return; // a PostgreSQL run has no SQLite file
        using var client = site.CreateClient();
        await client.GetAsync("/health");

        var file = Path.Combine(site.DataDirectory, "iqlearning.db");
        Assert.True(File.Exists(file));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }
}
