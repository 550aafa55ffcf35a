using IQLearning.Web.Infrastructure;
using Npgsql;

namespace IQLearning.Web.Data;

/// <summary>SQLite serves one node: nothing to coordinate.</summary>
internal sealed class SingleNodeStartupLock : IStartupLock
{
    public Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(new Released());

    private sealed class Released : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A PostgreSQL session-level advisory lock held on its own connection while the startup tasks run.</summary>
internal sealed class PostgresStartupLock(string connectionString, ILogger<PostgresStartupLock> logger) : IStartupLock
{
    // An arbitrary, fixed key: "IQLearning startup".
    private const long LockKey = 0x49514C5354415254;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        // The database may not exist yet (the first migration creates it): lock in the server's maintenance database.
        builder.Database = "postgres";
        // Not pooled: closing must end the session, since a session-level advisory lock lives as long as the session,
        // and a pooled connection would keep it (and the lock) open after the startup tasks.
        builder.Pooling = false;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new StartupFailedException("Database:ConnectionString", $"cannot reach PostgreSQL at {builder.Host}:{builder.Port}: {ex.Message}");
        }
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key, hashtext(@db))", connection))
        {
            // Another replica may hold the lock through a long first migration and seeding: wait, do not time out.
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("key", (int)(LockKey & 0x7FFFFFFF));
            command.Parameters.AddWithValue("db", database ?? "");
            logger.LogInformation("Waiting for the startup lock of database {Database}.", database);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Held(connection);
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        // Closing the session releases its advisory locks.
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
