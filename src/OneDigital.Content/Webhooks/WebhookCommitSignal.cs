using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Content.Webhooks;

/// <summary>
/// Wakes the dispatcher when a transaction that wrote deliveries commits, so a delivery leaves at once rather than
/// at the next poll; a rolled-back transaction wakes nobody. Other nodes' deliveries are found by polling.
/// </summary>
public sealed class WebhookCommitSignal : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Called by the outbox after writing deliveries: wake at once, or when the open transaction commits.</summary>
    public void MarkPending(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            Wake();
            return;
        }
        _pending.AddOrUpdate(context, this);
    }

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake-pending: one wake covers every commit before the dispatcher looks.
        }
    }

    /// <summary>Returns true when woken, false when the interval passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan interval, CancellationToken ct) => _wake.WaitAsync(interval, ct);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            Wake();
        }
    }

    private void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) _pending.Remove(context);
    }
}
