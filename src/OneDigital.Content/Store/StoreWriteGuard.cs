using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Content.Store;

/// <summary>
/// Refuses a transaction on a store given up for lost, and checks at every commit that a SQLite database file is
/// still where it was: SQLite goes on writing into a deleted file, so without this a site whose data folder was
/// deleted would acknowledge writes nobody will ever read. A stat per commit costs microseconds.
/// </summary>
internal sealed class StoreWriteGuard(StoreCondition condition, string? sqliteFile) : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        condition.ThrowIfLost();
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        condition.ThrowIfLost();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    private void Check()
    {
        if (sqliteFile is not null && !File.Exists(sqliteFile))
        {
            condition.MarkLost($"the database file {sqliteFile} has vanished (deleted or moved while the site ran).");
        }
        condition.ThrowIfLost();
    }
}
