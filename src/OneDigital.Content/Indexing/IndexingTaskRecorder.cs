using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Indexing;

/// <summary>
/// Appends an indexing task for every content change, inside the change's own transaction: a change that rolls
/// back leaves no task, and a committed one always has one.
/// </summary>
public sealed class IndexingTaskRecorder(ContentDbContext db, IndexingSignal signal, TimeProvider clock) : IContentEventHandler
{
    // Created then published in one operation raises two events; one task is enough for both.
    private (string ContentItemId, IndexingTaskType Type, IDbContextTransaction? Transaction)? _last;

    public Task CreatedAsync(ContentItem item) => AppendAsync(item, IndexingTaskType.Update);
    public Task UpdatedAsync(ContentItem item) => AppendAsync(item, IndexingTaskType.Update);
    public Task PublishedAsync(ContentItem item) => AppendAsync(item, IndexingTaskType.Update);
    public Task UnpublishedAsync(ContentItem item) => AppendAsync(item, IndexingTaskType.Update);
    public Task RemovedAsync(ContentItem item) => AppendAsync(item, IndexingTaskType.Delete);

    // The moved items' documents changed (their position), and the task log is what other nodes' caches follow.
    public async Task ContainedReorderedAsync(ContentItem list, IReadOnlyList<ContentItem> moved)
    {
        foreach (var item in moved) await AppendAsync(item, IndexingTaskType.Update);
    }

    private async Task AppendAsync(ContentItem item, IndexingTaskType type)
    {
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null && _last == (item.ContentItemId, type, transaction))
        {
            return;
        }
        // A plain INSERT: this runs on every save, where EF's change tracking costs more than the insert.
        var (sql, names) = InsertSql(db);
        if (db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction?.GetDbTransaction();
        Add(command, names[0], clock.GetUtcNow().UtcDateTime);
        Add(command, names[1], item.ContentItemId);
        Add(command, names[2], (int)type);
        await command.ExecuteNonQueryAsync();
        _last = (item.ContentItemId, type, transaction);
        signal.MarkPending(db);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static (string Sql, string[] Names) InsertSql(ContentDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(IndexingTask))!;
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        return ($"INSERT INTO \"{entity.GetTableName()}\" ({Column(nameof(IndexingTask.CreatedUtc))}, {Column(nameof(IndexingTask.ContentItemId))}, {Column(nameof(IndexingTask.Type))}) VALUES (@t0, @t1, @t2)",
            ["@t0", "@t1", "@t2"]);
    }
}
