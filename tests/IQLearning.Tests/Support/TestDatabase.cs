using Npgsql;

namespace IQLearning.Tests.Support;

/// <summary>
/// Which database the tests run on. By default SQLite; with IQL_TEST_PROVIDER=Postgres every site gets its own
/// fresh PostgreSQL database on the server in IQL_TEST_POSTGRES (started by tests/services.sh), and Redis from
/// IQL_TEST_REDIS holds the Data Protection keys. A missing server is a skip locally and a failure in CI.
/// </summary>
public sealed class TestDatabase
{
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

    public static TestDatabase Create()
    {
        if (RequestedProvider == "Sqlite") return new TestDatabase("Sqlite", new Dictionary<string, string>(), null, null);
        var admin = Environment.GetEnvironmentVariable("IQL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("IQL_TEST_PROVIDER=Postgres needs IQL_TEST_POSTGRES (run: bash tests/services.sh start).");
        var name = "iql_" + Guid.NewGuid().ToString("N")[..16];
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        var settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connection };
        if (Environment.GetEnvironmentVariable("IQL_TEST_REDIS") is { Length: > 0 } redis) settings["Redis:Configuration"] = redis;
        return new TestDatabase("Postgres", settings, admin, name);
    }

    public void Drop()
    {
        if (_adminConnection is null) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
