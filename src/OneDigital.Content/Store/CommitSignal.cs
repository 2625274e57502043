using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Content.Store;

/// <summary>
/// Wakes a background worker when rows it waits for are committed. Rows written inside a transaction are only
/// visible to other connections after the commit, so the signal fires from the commit itself (this is a transaction
/// interceptor on the context), and not at all when the transaction rolls back.
/// </summary>
public abstract class CommitSignal : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    /// <summary>Called after writing such rows in <paramref name="db"/>: signal now, or when its open transaction commits.</summary>
    public void MarkPending(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Signal();
            return;
        }
        _pending.AddOrUpdate(db, this);
    }

    /// <summary>Wakes the worker.</summary>
    public abstract void Signal();

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
            Signal();
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null) _pending.Remove(db);
    }
}
