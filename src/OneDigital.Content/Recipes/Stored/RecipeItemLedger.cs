using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>Reads and writes <see cref="RecipeItemLedgerEntry"/> rows: one read per content step, whatever its size.</summary>
public sealed class RecipeItemLedger(ContentDbContext db)
{
    /// <summary>The content item ids earlier runs of <paramref name="recipe"/> gave these item keys.</summary>
    public async Task<Dictionary<string, RecipeItemLedgerEntry>> FindAsync(string recipe, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var found = new Dictionary<string, RecipeItemLedgerEntry>(StringComparer.Ordinal);
        // Chunked so a step of thousands of items stays within every provider's parameter limit.
        foreach (var chunk in keys.Distinct().Chunk(500))
        {
            var rows = await db.Set<RecipeItemLedgerEntry>().Where(e => e.Recipe == recipe && chunk.Contains(e.ItemKey)).ToListAsync(ct);
            foreach (var row in rows) found[row.ItemKey] = row;
        }
        return found;
    }

    /// <summary>Notes that the recipe's item became <paramref name="contentItemId"/> (saved with the step's next save).</summary>
    /// <returns>The entry, which the caller keeps: a key met again in the same step (a published and a draft version) updates it.</returns>
    public RecipeItemLedgerEntry Record(string recipe, string itemKey, string contentItemId, RecipeItemLedgerEntry? existing)
    {
        if (existing is not null)
        {
            existing.ContentItemId = contentItemId;
            return existing;
        }
        var entry = new RecipeItemLedgerEntry { Recipe = recipe, ItemKey = itemKey, ContentItemId = contentItemId };
        db.Add(entry);
        return entry;
    }

    public Task SaveAsync(CancellationToken ct = default) => db.SaveChangesAsync(ct);
}
