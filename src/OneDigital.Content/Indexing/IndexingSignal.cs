using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Content.Indexing;

/// <summary>
/// Tells this node's indexer that tasks were committed, so its own writes are searchable at once instead of at the
/// next poll. Tasks are only visible to other connections after the commit, so the signal fires from the commit
/// itself (it is the context's transaction interceptor), and not at all when the transaction rolls back.
/// </summary>
public sealed class IndexingSignal : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit that carried indexing tasks (or at <see cref="Notify"/>).</summary>
    public Task NextAsync()
    {
        lock (_gate) return _next.Task;
    }

    /// <summary>Wakes the indexer now.</summary>
    public void Notify()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    /// <summary>Called when a task is written inside <paramref name="db"/>'s transaction.</summary>
    internal void TaskWritten(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Notify();
            return;
        }
        _pending.AddOrUpdate(db, this);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? db)
    {
        if (db is not null && _pending.Remove(db))
        {
            Notify();
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null) _pending.Remove(db);
    }
}
