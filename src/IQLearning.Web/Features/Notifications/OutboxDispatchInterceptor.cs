using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IQLearning.Web.Features.Notifications;

/// <summary>
/// Starts one send job for the new outbox messages once they are durably stored: right after SaveChanges, or — when the
/// save ran inside a transaction — after that transaction commits, so a job never looks for a row it cannot see.
/// If starting the job fails, the minutely sweep sends the message instead.
/// One instance serves every context (so the context options are built once, not per request); what a context has
/// saved and not yet committed is kept beside that context.
/// </summary>
internal sealed class OutboxDispatchInterceptor(IBackgroundJobClient jobs, ILogger<OutboxDispatchInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public readonly List<Guid> Saving = [];
        public readonly List<Guid> AwaitingCommit = [];
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Pending> _pending = [];

    private Pending? Of(DbContext? context) => context is null ? null : _pending.GetOrCreateValue(context);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CollectNew(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CollectNew(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context, p => p.Saving);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, p => p.Saving);
        return Task.CompletedTask;
    }

    // Contexts are pooled: what a disposed, never-committed transaction left waiting must not ride along with the next one.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Drop(eventData.Context, p => p.AwaitingCommit);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, p => p.AwaitingCommit);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context, p => p.AwaitingCommit);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, p => p.AwaitingCommit);
        return Task.CompletedTask;
    }

    private void CollectNew(DbContext? context)
    {
        if (context is null) return;
        var added = context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
        if (added.Count > 0) Of(context)!.Saving.AddRange(added);
    }

    private void AfterSave(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        pending.AwaitingCommit.AddRange(pending.Saving);
        pending.Saving.Clear();
        if (context.Database.CurrentTransaction is null) Dispatch(pending.AwaitingCommit);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending)) Dispatch(pending.AwaitingCommit);
    }

    /// <summary>A failed save drops what it was saving; a rolled-back transaction drops what waited for its commit.</summary>
    private void Drop(DbContext? context, Func<Pending, List<Guid>> list)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending)) list(pending).Clear();
    }

    private void Dispatch(List<Guid> ids)
    {
        if (ids.Count == 0) return;
        // One job for all mails of the commit: the dispatcher sends them over one connection.
        var batch = ids.ToArray();
        ids.Clear();
        try { jobs.Enqueue<OutboxDispatcher>(d => d.DeliverBatchAsync(batch, CancellationToken.None)); }
        catch (Exception ex) { logger.LogWarning(ex, "Could not start the send job for {Count} mail(s); the sweep will send them.", batch.Length); }
    }
}
