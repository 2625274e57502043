// Why: the counts are written by the content events, in the publish's transaction (as Audit/AuditRecorder writes its
// rows), so a publish that rolls back leaves no counts and every published item's counts match what was published.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

public sealed class WritingFindingsRecorder(ContentDbContext db, ContentDefinitionStore definitions, WritingSettings settings, TimeProvider clock)
    : IContentEventHandler, IContentImportPreparer
{
    // Reports an import worked out ahead for its next items, by body; each is used once, and only with the same word list.
    private readonly Dictionary<ItemBody, WritingReport> _prepared = [];
    private PlainEnglishList? _preparedWith;

    /// <summary>Checks the bodies of the chunk's published items on all cores; <see cref="RecordAsync"/> then takes a body's report if its text is still the same.</summary>
    public async Task PrepareImportAsync(IReadOnlyList<ContentItem> items, CancellationToken ct = default)
    {
        _prepared.Clear();
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

    public Task PublishedAsync(ContentItem item) => RecordAsync(item, clock.GetUtcNow().UtcDateTime);

    /// <summary>Stores the item's counts as published at <paramref name="publishedUtc"/> (the backfill passes the item's own date).</summary>
    public async Task RecordAsync(ContentItem item, DateTime publishedUtc)
    {
        var words = await settings.GetWordsAsync();
        var findings = ItemBodies.Of(item, await definitions.GetAsync())
            .SelectMany(body => (ReferenceEquals(words, _preparedWith) && _prepared.Remove(body, out var report) ? report : body.Check(words)).Findings)
            .ToList();
        var ids = string.Join(",", findings.Select(f => f.CheckId).Distinct());
        // One upsert: a find then an EF save cost more than the checks' own writing on every published item of an import.
        await using var command = await StoreCommands.SqlAsync(db, UpsertSql(), CancellationToken.None,
            item.ContentItemId,
            item.ContentItemVersionId,
            item.ContentType,
            item.DisplayText is { Length: > 1024 } text ? text[..1024] : (object?)item.DisplayText ?? DBNull.Value,
            publishedUtc,
            findings.Count(f => f.Severity == WritingSeverity.Serious),
            findings.Count(f => f.Severity == WritingSeverity.Warning),
            findings.Count(f => f.Severity == WritingSeverity.Advice),
            ids.Length > 1024 ? ids[..1024] : ids);
        await command.ExecuteNonQueryAsync();
    }

    private string? _upsertSql;

    /// <summary>INSERT ... ON CONFLICT DO UPDATE (SQLite and PostgreSQL both have it), with the names the model maps.</summary>
    private string UpsertSql() => _upsertSql ??= Build(db);

    private static string Build(ContentDbContext db)
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
