using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>
/// Stores set up before the <see cref="RecipeItemLedger"/> existed have no entries for their setup recipe, so a
/// re-import of it would create its <c>uuid()</c>-keyed items again. The rule, for that recipe only (the one the
/// <c>Setup</c> document names) and only while it has no ledger entry at all: an item is the setup run's when it is
/// the one item of the same type, display text (and path, when the recipe gives one) created within
/// <see cref="SetupWindow"/> of the setup and named by no other recipe's ledger. Anything less certain creates a new
/// item and says so in the report.
/// </summary>
public sealed class SetupRunItems(DocumentStore documents, ContentQuery query, RecipeItemLedger ledger)
{
    /// <summary>The host's <c>Setup</c> document (its setup record: <c>Recipe</c>, <c>SetUpUtc</c>).</summary>
    public const string SetupDocumentName = "Setup";

    /// <summary>How long after the setup began its items may have been created (a setup is one transaction).</summary>
    public static readonly TimeSpan SetupWindow = TimeSpan.FromHours(1);

    /// <summary>The setup's start when <paramref name="recipe"/> set this store up and no run of it has ledger entries; else null.</summary>
    public async Task<DateTime?> PreLedgerSetupAsync(string recipe, CancellationToken ct = default)
    {
        var (setup, version) = await documents.GetAsync<SetupFacts>(SetupDocumentName, ct);
        if (version == 0 || setup.Recipe != recipe || setup.SetUpUtc == default)
        {
            return null;
        }
        return await ledger.AnyAsync(recipe, ct) ? null : DateTime.SpecifyKind(setup.SetUpUtc, DateTimeKind.Utc);
    }

    /// <summary>What this reads of the host's setup record.</summary>
    public sealed class SetupFacts
    {
        public string Recipe { get; set; } = "";

        public DateTime SetUpUtc { get; set; }
    }

    /// <summary>The id of the existing item the setup run made for <paramref name="item"/>, or null with the reason.</summary>
    public async Task<(string? ContentItemId, string? Doubt)> FindAsync(ContentItem item, DateTime setUpUtc, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(item.DisplayText))
        {
            return (null, "it has no display text to recognise it by");
        }
        var filters = new List<ContentFilter>
        {
            new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Equal, item.DisplayText),
            new ContentFilter.Column(ContentColumn.CreatedUtc, FilterOperator.LessThanOrEqual, setUpUtc + SetupWindow),
        };
        if (JsonValues.NonEmptyString(item.Part("AutoroutePart")?["Path"]) is { } path)
        {
            filters.Add(new ContentFilter.Field("AutoroutePart", "Path", FieldValueKind.Text, FilterOperator.Equal, path));
        }
        var candidates = new List<string>();
        foreach (var candidate in await query.ListAsync(new ContentListRequest(item.ContentType)
        {
            Status = ContentStatus.Latest,
            Filter = new ContentFilter.And(filters),
            Take = 10,
        }, ct))
        {
            if (!await ledger.NamesAsync(candidate.ContentItemId, ct)) candidates.Add(candidate.ContentItemId);
        }
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, null),
            _ => (null, $"{candidates.Count} items set up with it have the same type and title"),
        };
    }
}
