using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IQLearning.Bench;

/// <summary>
/// Counts the SQL commands of the DbContexts it is added to and sums the time spent in them and in commits, so the
/// issuing benchmark can say how much of an issue is database work. One thread at a time: the benchmark is sequential.
/// </summary>
internal sealed class DatabaseTimer : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _commandStart;
    private long _commitStart;

    public int Commands { get; private set; }
    public TimeSpan InCommands { get; private set; }
    public TimeSpan InCommits { get; private set; }

    public void Reset() => (Commands, InCommands, InCommits) = (0, TimeSpan.Zero, TimeSpan.Zero);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop();
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop();
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop();
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        _commitStart = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        InCommits += Stopwatch.GetElapsedTime(_commitStart);
        return Task.CompletedTask;
    }

    private void Start()
    {
        Commands++;
        _commandStart = Stopwatch.GetTimestamp();
    }

    private void Stop() => InCommands += Stopwatch.GetElapsedTime(_commandStart);
}
