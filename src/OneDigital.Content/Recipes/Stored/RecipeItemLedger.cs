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
    // Entry → whether it is a new row; kept by reference, as the caller keeps the entries.
    private readonly Dictionary<RecipeItemLedgerEntry, bool> _pending = new(ReferenceEqualityComparer.Instance);

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
            _pending.TryAdd(existing, false);
            return existing;
        }
        var entry = new RecipeItemLedgerEntry { Recipe = recipe, ItemKey = itemKey, ContentItemId = contentItemId };
        _pending[entry] = true;
        return entry;
    }

    /// <summary>Writes the entries recorded since the step began.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var entries = _pending.ToList();
        _pending.Clear();
        foreach (var (entry, isNew) in entries)
        {
            if (isNew) db.Add(entry);
            else db.Update(entry);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (entry, _) in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }
}
