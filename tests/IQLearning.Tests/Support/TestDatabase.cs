using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IQLearning.Tests.Support;

/// <summary>
/// Which database the tests run on. By default SQLite; with IQL_TEST_PROVIDER=Postgres every site gets its own
/// fresh PostgreSQL database on the server in IQL_TEST_POSTGRES (started by tests/services.sh), and Redis from
/// IQL_TEST_REDIS holds the Data Protection keys. A missing server is a skip locally and a failure in CI.
/// Each fresh database is a copy of one template migrated once per test run, so a site does not migrate again.
/// </summary>
public sealed class TestDatabase
{
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly string? _adminConnection;
    private readonly string? _name;

    private TestDatabase(string provider, IReadOnlyDictionary<string, string> settings, string? adminConnection, string? name)
    {
        Provider = provider;
        Settings = settings;
        _adminConnection = adminConnection;
        _name = name;
    }

    public string Provider { get; }
    public IReadOnlyDictionary<string, string> Settings { get; }
    public bool IsPostgres => Provider == "Postgres";

    public static string RequestedProvider => Environment.GetEnvironmentVariable("IQL_TEST_PROVIDER") is "Postgres" ? "Postgres" : "Sqlite";

    private static string Admin => Environment.GetEnvironmentVariable("IQL_TEST_POSTGRES")
        ?? throw new InvalidOperationException("IQL_TEST_PROVIDER=Postgres needs IQL_TEST_POSTGRES (run: bash tests/services.sh start).");

    /// <param name="fromTemplate">False for a database that must start empty (e.g. to test migrating it).</param>
    public static TestDatabase Create(bool fromTemplate = true)
    {
        if (RequestedProvider == "Sqlite") return new TestDatabase("Sqlite", new Dictionary<string, string>(), null, null);
        var name = "iql_" + Guid.NewGuid().ToString("N")[..16];
        if (fromTemplate) Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        var connection = new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = true }.ConnectionString;
        var settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connection };
        if (Environment.GetEnvironmentVariable("IQL_TEST_REDIS") is { Length: > 0 } redis) settings["Redis:Configuration"] = redis;
        return new TestDatabase("Postgres", settings, Admin, name);
    }

    public void Drop()
    {
        if (_adminConnection is null) return;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = "iql_template_" + Guid.NewGuid().ToString("N")[..8];
        var connection = new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options))
            db.Database.Migrate();
        // The test process outlives no template: drop it when the run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); } catch (NpgsqlException) { } };
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
