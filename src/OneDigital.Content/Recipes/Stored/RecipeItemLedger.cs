using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>
/// Reads and writes <see cref="RecipeItemLedgerEntry"/> rows: one read per content step, whatever its size, and one
/// write when the step ends. Entries are not tracked meanwhile: every save of the step's items would otherwise scan
/// all of them for changes, which made a large import quadratic.
/// </summary>
public sealed class RecipeItemLedger(ContentDbContext db)
{
    // Kept by reference, as the caller keeps the entries.
    private readonly HashSet<RecipeItemLedgerEntry> _pending = new(ReferenceEqualityComparer.Instance);

    /// <summary>The content item ids earlier runs of <paramref name="recipe"/> gave these item keys.</summary>
    public async Task<Dictionary<string, RecipeItemLedgerEntry>> FindAsync(string recipe, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        // A step starts here: what a failed step left unsaved is forgotten.
        _pending.Clear();
        var found = new Dictionary<string, RecipeItemLedgerEntry>(StringComparer.Ordinal);
        // Chunked so a step of thousands of items stays within every provider's parameter limit.
        foreach (var chunk in keys.Distinct().Chunk(500))
        {
            var rows = await db.Set<RecipeItemLedgerEntry>().AsNoTracking().Where(e => e.Recipe == recipe && chunk.Contains(e.ItemKey)).ToListAsync(ct);
            foreach (var row in rows) found[row.ItemKey] = row;
        }
        return found;
    }

    /// <summary>Whether any run of <paramref name="recipe"/> has left entries.</summary>
    public Task<bool> AnyAsync(string recipe, CancellationToken ct = default) =>
        db.Set<RecipeItemLedgerEntry>().AsNoTracking().AnyAsync(e => e.Recipe == recipe, ct);

    /// <summary>Whether some recipe's entry names the item (it belongs to that recipe's runs).</summary>
    public Task<bool> NamesAsync(string contentItemId, CancellationToken ct = default) =>
        db.Set<RecipeItemLedgerEntry>().AsNoTracking().AnyAsync(e => e.ContentItemId == contentItemId, ct);

    /// <summary>Notes that the recipe's item became <paramref name="contentItemId"/> (written by <see cref="SaveAsync"/>).</summary>
    /// <returns>The entry, which the caller keeps: a key met again in the same step (a published and a draft version) updates it.</returns>
    public RecipeItemLedgerEntry Record(string recipe, string itemKey, string contentItemId, RecipeItemLedgerEntry? existing)
    {
        if (existing is not null)
        {
            existing.ContentItemId = contentItemId;
            _pending.Add(existing);
            return existing;
        }
        var entry = new RecipeItemLedgerEntry { Recipe = recipe, ItemKey = itemKey, ContentItemId = contentItemId };
        _pending.Add(entry);
        return entry;
    }

    /// <summary>Writes the entries recorded since the step began.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        // One row per key: PostgreSQL refuses an upsert that meets the same row twice.
        var entries = _pending.DistinctBy(e => (e.Recipe, e.ItemKey)).ToList();
        _pending.Clear();
        // Plain upserts, many rows to a command: EF's one tracked INSERT per entry was a third of a large import's CPU.
        var (prefix, suffix) = _upsert ??= UpsertSql(db);
        foreach (var chunk in entries.Chunk(RowsPerCommand))
        {
            var values = chunk.SelectMany(e => new object[] { e.Recipe, e.ItemKey, e.ContentItemId }).ToArray();
            var rows = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r => $"({StoreCommands.InList(r * 3, 3)})"));
            await using var command = await StoreCommands.SqlAsync(db, prefix + rows + suffix, ct, values);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private const int RowsPerCommand = 300;

    private (string Prefix, string Suffix)? _upsert;

    /// <summary>INSERT ... ON CONFLICT (recipe, key) DO UPDATE (SQLite and PostgreSQL both have it), with the names the model maps.</summary>
    private static (string Prefix, string Suffix) UpsertSql(ContentDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(RecipeItemLedgerEntry))!;
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        var (recipe, key, id) = (Column(nameof(RecipeItemLedgerEntry.Recipe)), Column(nameof(RecipeItemLedgerEntry.ItemKey)), Column(nameof(RecipeItemLedgerEntry.ContentItemId)));
        return ($"INSERT INTO \"{entity.GetTableName()}\" ({recipe}, {key}, {id}) VALUES ",
            $" ON CONFLICT ({recipe}, {key}) DO UPDATE SET {id} = excluded.{id}");
    }
}
