using System.Data.Common;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Infrastructure;

public sealed class GateSite() : SiteFactory(startSmtp: false, useSmtp: false);

/// <summary>
/// The in-process turn for SQLite transactions: a second transaction waits without holding a thread, gets its turn when
/// the first ends, and a transaction that is dropped without commit or rollback gives the turn back with its connection.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SqliteWriteGateTests(GateSite site) : IClassFixture<GateSite>
{
    [Fact]
    public async Task A_second_transaction_waits_without_blocking_its_thread_and_starts_when_the_first_commits()
    {
        if (OnPostgres()) return;
        using var first = site.Services.CreateScope();
        using var second = site.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var holding = await db1.Database.BeginTransactionAsync();
        await db1.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"DisplayName\" = \"DisplayName\" WHERE 0");

        // Without the gate, BeginTransactionAsync would run BEGIN IMMEDIATE synchronously and sleep this very thread
        // in Microsoft.Data.Sqlite's busy loop until the first transaction ends — which it never would, as this
        // thread would be the one to end it. Called on another thread so that such a failure shows as a timeout.
        var call = Task.Factory.StartNew(() => db2.Database.BeginTransactionAsync(), CancellationToken.None,
            TaskCreationOptions.None, TaskScheduler.Default);
        var waiting = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);

        await holding.CommitAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await next.CommitAsync();
    }

    [Fact]
    public async Task A_transaction_dropped_without_commit_gives_the_turn_back_when_its_connection_closes()
    {
        if (OnPostgres()) return;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dropped = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"DisplayName\" = \"DisplayName\" WHERE 0");
            _ = dropped; // neither committed nor rolled back: the context is disposed with the scope
        }

        using var after = site.Services.CreateScope();
        var next = after.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await next.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await transaction.CommitAsync();
    }

    /// <summary>
    /// A request whose client goes away just after the gate gave it the turn: the request's context is then given back
    /// (to the pool, as on the site, or disposed) without a commit. EF Core reports no failed transaction in that case
    /// and a pooled context closes its connection without telling interceptors, so the turn must come back another way,
    /// or every later write in the process waits out the gate's timeout and fails.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_transaction_whose_request_is_cancelled_while_it_begins_gives_the_turn_back(bool pooled)
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(2));
        using var aborted = new CancellationTokenSource();
        await using var database = await GateDatabase.CreateAsync();
        var options = database.Options(gate, new CancelOnBegin(aborted));
        await using (var db = pooled ? new PooledDbContextFactory<GateContext>(options).CreateDbContext() : new GateContext(options))
        {
            try
            {
                await using var begun = await db.Database.BeginTransactionAsync(aborted.Token);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO written VALUES (1)", aborted.Token);
            }
            catch (OperationCanceledException)
            {
                // what the request sees; its scope then gives the context back
            }
        }

        await database.AssertTheTurnIsFreeAsync(gate);
    }

    /// <summary>
    /// BEGIN itself fails — here because another process (the command line, a backup) holds SQLite's write lock past the
    /// busy timeout. The failure reaches the caller, and the turn is free again for the next transaction.
    /// </summary>
    [Fact]
    public async Task A_begin_that_fails_gives_the_turn_back()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromSeconds(2));
        await using var database = await GateDatabase.CreateAsync();
        var pool = new PooledDbContextFactory<GateContext>(database.Options(gate, "Default Timeout=1"));
        await using (var outside = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await outside.OpenAsync();
            await using var lockHolder = outside.BeginTransaction(deferred: false);
            await using var db = pool.CreateDbContext();
            var busy = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.BeginTransactionAsync());
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        }

        await database.AssertTheTurnIsFreeAsync(gate);
    }

    /// <summary>A database file of its own, with one table, for the gate's own tests.</summary>
    private sealed class GateDatabase : IAsyncDisposable
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"iql-gate-{Guid.NewGuid():N}.db");

        public string ConnectionString => $"Data Source={_file}";

        public static async Task<GateDatabase> CreateAsync()
        {
            var database = new GateDatabase();
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE written (id INTEGER)";
            await create.ExecuteNonQueryAsync();
            return database;
        }

        public DbContextOptions<GateContext> Options(SqliteWriteGate gate, params IInterceptor[] more) => Options(gate, "", more);

        public DbContextOptions<GateContext> Options(SqliteWriteGate gate, string extra, params IInterceptor[] more) =>
            new DbContextOptionsBuilder<GateContext>().UseSqlite($"{ConnectionString};{extra}").AddInterceptors(gate).AddInterceptors(more).Options;

        /// <summary>A new context gets the turn well within the gate's timeout, and its write lands.</summary>
        public async Task AssertTheTurnIsFreeAsync(SqliteWriteGate gate)
        {
            await using var next = new GateContext(Options(gate));
            await using (var transaction = await next.Database.BeginTransactionAsync())
            {
                await next.Database.ExecuteSqlRawAsync("INSERT INTO written VALUES (2)");
                await transaction.CommitAsync();
            }
            Assert.Equal(1, await next.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM written WHERE id = 2").SingleAsync());
        }

        public ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Cancels the request's token after the gate has given the turn, as a client disconnecting then would.</summary>
    private sealed class CancelOnBegin(CancellationTokenSource request) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await request.CancelAsync();
            return result;
        }
    }

    private sealed class GateContext(DbContextOptions<GateContext> options) : DbContext(options);

    /// <summary>On PostgreSQL, which has row locks and real concurrency, there is no gate at all.</summary>
    private bool OnPostgres()
    {
        if (TestDatabase.RequestedProvider != "Postgres") return false;
        Assert.Null(site.Services.GetService<SqliteWriteGate>());
        return true;
    }
}
