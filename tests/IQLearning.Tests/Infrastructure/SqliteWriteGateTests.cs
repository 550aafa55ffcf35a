using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>On PostgreSQL, which has row locks and real concurrency, there is no gate at all.</summary>
    private bool OnPostgres()
    {
        if (TestDatabase.RequestedProvider != "Postgres") return false;
        Assert.Null(site.Services.GetService<SqliteWriteGate>());
        return true;
    }
}
