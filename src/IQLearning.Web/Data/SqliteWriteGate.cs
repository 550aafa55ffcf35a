using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IQLearning.Web.Data;

/// <summary>
/// Lets one transaction at a time into the SQLite database, in process. SQLite has a single writer; transactions
/// begin IMMEDIATE, and Microsoft.Data.Sqlite answers a busy database by putting the thread to sleep for 150 ms and
/// trying again. Under concurrent writes (many learners pressing "lesson done") that parks thread-pool threads and
/// stretches a few-millisecond commit into seconds. Here a transaction waits asynchronously for its turn instead.
/// The turn is given back when BEGIN fails, when the transaction commits, rolls back or fails, or at the latest when
/// its connection closes or is disposed (a transaction disposed without either). Writes outside a transaction are not
/// gated; they are single statements. A second process on the same file (the command line) still meets SQLite's own
/// busy handling.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan timeout) : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();

    // The gate begins the transaction itself, so that a BEGIN that fails gives the turn straight back: EF Core reports no
    // failed transaction for it, and a pooled context is given back without closing or disposing its connection. For
    // the same reason the request's cancellation is honoured only while waiting: once the turn is taken, BEGIN runs.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (result.HasResult) return result;
        if (!_turn.Wait(timeout)) throw Busy();
        return Begin(connection, eventData);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult) return result;
        if (!await _turn.WaitAsync(timeout, cancellationToken)) throw Busy();
        return Begin(connection, eventData);
    }

    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData)
    {
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            _holders[eventData.ConnectionId] = true;
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId, Task.CompletedTask);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId, Task.CompletedTask);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId, Task.CompletedTask);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId, Task.CompletedTask);

    // A context that is not pooled may dispose its connection without closing it first; then only this event is raised.
    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId, Task.CompletedTask);

    private T Release<T>(Guid connectionId, T result)
    {
        Release(connectionId);
        return result;
    }

    private void Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _)) _turn.Release();
    }

    private TimeoutException Busy() =>
        new($"The database stayed busy for {timeout.TotalSeconds:0} s: another transaction of this process did not finish.");

    public void Dispose() => _turn.Dispose();
}
