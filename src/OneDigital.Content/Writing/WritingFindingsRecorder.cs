// Why: the counts are written by the content events, in the publish's transaction (as Audit/AuditRecorder writes its
// rows), so a publish that rolls back leaves no counts and every published item's counts match what was published.
// A large import is the exception: checking its bodies was most of its cost, so it only forgets the stale counts and
// WritingChecksWorker checks the items once the import has committed.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

public sealed class WritingFindingsRecorder(
    ContentDbContext db, ContentDefinitionStore definitions, WritingSettings settings, WritingChecksSignal signal, TimeProvider clock)
    : IContentEventHandler, IContentImportPreparer
{
    /// <summary>
    /// An import chunk of at least this many items leaves its published items unchecked for the worker; a smaller one
    /// (a setup recipe, a few pasted items) is checked in its own transaction, so its findings are there at once.
    /// </summary>
    public const int DeferFrom = 100;

    // Reports an import worked out ahead for its next items, by body; each is used once, and only with the same word list.
    private readonly Dictionary<ItemBody, WritingReport> _prepared = [];
    private PlainEnglishList? _preparedWith;

    // The items of a large import chunk whose checks wait for the worker.
    private readonly HashSet<ContentItem> _deferred = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A large chunk: its items are left to <see cref="WritingChecksWorker"/>. A small one: the bodies of its published
    /// items are checked on all cores, and <see cref="RecordAsync"/> then takes a body's report if its text is still the same.
    /// </summary>
    public async Task PrepareImportAsync(IReadOnlyList<ContentItem> items, CancellationToken ct = default)
    {
        _prepared.Clear();
        _deferred.Clear();
        if (items.Count >= DeferFrom)
        {
            foreach (var item in items) _deferred.Add(item);
            return;
        }
        var defs = await definitions.GetAsync(ct);
        var words = await settings.GetWordsAsync(ct);
        var bodies = items.Where(i => i.Published).SelectMany(i => ItemBodies.Of(i, defs)).Distinct().ToArray();
        var reports = new WritingReport[bodies.Length];
        await Parallel.ForAsync(0, bodies.Length, ct, (i, _) =>
        {
            reports[i] = bodies[i].Check(words);
            return ValueTask.CompletedTask;
        });
        for (var i = 0; i < bodies.Length; i++) _prepared[bodies[i]] = reports[i];
        _preparedWith = words;
    }

    public Task PublishedAsync(ContentItem item) =>
        _deferred.Remove(item) ? LeaveUncheckedAsync(item) : RecordAsync(item, clock.GetUtcNow().UtcDateTime);

    /// <summary>Stores the item's counts as published at <paramref name="publishedUtc"/> (the backfill passes the item's own date).</summary>
    public async Task RecordAsync(ContentItem item, DateTime publishedUtc)
    {
        var words = await settings.GetWordsAsync();
        var findings = ItemBodies.Of(item, await definitions.GetAsync())
            .SelectMany(body => (ReferenceEquals(words, _preparedWith) && _prepared.Remove(body, out var report) ? report : body.Check(words)).Findings);
        await WriteAsync(item, findings, publishedUtc);
    }

    /// <summary>The findings of each item's bodies, worked out on all cores (or on one, <paramref name="oneCore"/>); nothing is written.</summary>
    public async Task<IReadOnlyList<WritingFinding>[]> CheckAsync(IReadOnlyList<ContentItem> items, bool oneCore = false, CancellationToken ct = default)
    {
        var defs = await definitions.GetAsync(ct);
        var words = await settings.GetWordsAsync(ct);
        var findings = new IReadOnlyList<WritingFinding>[items.Count];
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = oneCore ? 1 : -1 };
        await Parallel.ForAsync(0, items.Count, options, (i, _) =>
        {
            findings[i] = [.. ItemBodies.Of(items[i], defs).SelectMany(body => body.Check(words).Findings)];
            return ValueTask.CompletedTask;
        });
        return findings;
    }

    /// <summary>Stores counts worked out by <see cref="CheckAsync"/>.</summary>
    public async Task WriteAsync(ContentItem item, IEnumerable<WritingFinding> findings, DateTime publishedUtc)
    {
        var all = findings.ToList();
        var ids = string.Join(",", all.Select(f => f.CheckId).Distinct());
        // One upsert: a find then an EF save cost more than the checks' own writing on every published item of an import.
        await using var command = await StoreCommands.SqlAsync(db, UpsertSql(), CancellationToken.None,
            item.ContentItemId,
            item.ContentItemVersionId,
            item.ContentType,
            item.DisplayText is { Length: > 1024 } text ? text[..1024] : (object?)item.DisplayText ?? DBNull.Value,
            publishedUtc,
            all.Count(f => f.Severity == WritingSeverity.Serious),
            all.Count(f => f.Severity == WritingSeverity.Warning),
            all.Count(f => f.Severity == WritingSeverity.Advice),
            ids.Length > 1024 ? ids[..1024] : ids);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The item's earlier counts are stale: without a row it is "not yet checked" until the worker checks it after the commit.</summary>
    private async Task LeaveUncheckedAsync(ContentItem item)
    {
        // Once per item of a large import: the command is kept prepared.
        var command = await _commands.GetAsync(DeleteSql(), 1, CancellationToken.None);
        ReusedCommands.Set(command.Parameters[0], item.ContentItemId, System.Data.DbType.String);
        await command.ExecuteNonQueryAsync();
        signal.MarkPending(db);
    }

    private readonly ReusedCommands _commands = new(db);
    private string? _upsertSql;
    private string? _deleteSql;

    /// <summary>INSERT ... ON CONFLICT DO UPDATE (SQLite and PostgreSQL both have it), with the names the model maps.</summary>
    private string UpsertSql() => _upsertSql ??= BuildUpsert(db);

    private string DeleteSql()
    {
        if (_deleteSql is null)
        {
            var entity = db.Model.FindEntityType(typeof(WritingFindingCounts))!;
            _deleteSql = $"DELETE FROM \"{entity.GetTableName()}\" WHERE \"{entity.FindProperty(nameof(WritingFindingCounts.ContentItemId))!.GetColumnName()}\" = @p0";
        }
        return _deleteSql;
    }

    private static string BuildUpsert(ContentDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(WritingFindingCounts))!;
        string[] properties =
        [
            nameof(WritingFindingCounts.ContentItemId), nameof(WritingFindingCounts.ContentItemVersionId), nameof(WritingFindingCounts.ContentType),
            nameof(WritingFindingCounts.DisplayText), nameof(WritingFindingCounts.PublishedUtc), nameof(WritingFindingCounts.Serious),
            nameof(WritingFindingCounts.Warnings), nameof(WritingFindingCounts.Advice), nameof(WritingFindingCounts.CheckIds),
        ];
        var columns = properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName()}\"").ToArray();
        return $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns)}) VALUES ({StoreCommands.InList(0, columns.Length)}) " +
            $"ON CONFLICT ({columns[0]}) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}";
    }

    public Task UnpublishedAsync(ContentItem item) => ForgetAsync(item);

    public Task RemovedAsync(ContentItem item) => ForgetAsync(item);

    private Task ForgetAsync(ContentItem item) =>
        db.Set<WritingFindingCounts>().Where(r => r.ContentItemId == item.ContentItemId).ExecuteDeleteAsync();
}
