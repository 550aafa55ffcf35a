using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IQLearning.Web.Features.Notifications;

/// <summary>
/// Starts one send job for the new outbox messages once they are durably stored: right after SaveChanges, or — when the
/// save ran inside a transaction — after that transaction commits, so a job never looks for a row it cannot see.
/// If starting the job fails, the minutely sweep sends the message instead.
/// </summary>
internal sealed class OutboxDispatchInterceptor(IBackgroundJobClient jobs, ILogger<OutboxDispatchInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<Guid> _saving = [];
    private readonly List<Guid> _awaitingCommit = [];

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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _saving.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving.Clear();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Dispatch(_awaitingCommit);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Dispatch(_awaitingCommit);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Clear();
        return Task.CompletedTask;
    }

    private void CollectNew(DbContext? context)
    {
        if (context is null) return;
        _saving.AddRange(context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id));
    }

    private void AfterSave(DbContext? context)
    {
        _awaitingCommit.AddRange(_saving);
        _saving.Clear();
        if (context?.Database.CurrentTransaction is null) Dispatch(_awaitingCommit);
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
