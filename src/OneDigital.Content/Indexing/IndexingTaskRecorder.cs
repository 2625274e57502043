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
    private readonly ReusedCommands _commands = new(db);
    private string? _insertSql;

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
        // A plain INSERT, its command reused: this runs on every save, where EF's change tracking cost more than the insert.
        var command = await _commands.GetAsync(_insertSql ??= InsertSql(db), 3, CancellationToken.None);
        command.Parameters[0].Value = clock.GetUtcNow().UtcDateTime;
        command.Parameters[1].Value = item.ContentItemId;
        command.Parameters[2].Value = (int)type;
        await command.ExecuteNonQueryAsync();
        _last = (item.ContentItemId, type, transaction);
        signal.MarkPending(db);
    }

    private static string InsertSql(ContentDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(IndexingTask))!;
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        return $"INSERT INTO \"{entity.GetTableName()}\" ({Column(nameof(IndexingTask.CreatedUtc))}, {Column(nameof(IndexingTask.ContentItemId))}, {Column(nameof(IndexingTask.Type))}) VALUES (@p0, @p1, @p2)";
    }
}
