// Why: the part's editor lists an item's translations and the edit page offers the cultures still missing; both
// read the same set (its items' latest versions) from the index rows the LocalizationPart handler keeps.
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Editing.Parts;

/// <summary>An item's LocalizationPart values: its culture and the set of items that translate each other.</summary>
public sealed record LocalizationSet(string? Culture, string? Set)
{
    public const string PartName = "LocalizationPart";

    public static LocalizationSet Of(ContentItem item) =>
        new(JsonValues.NonEmptyString(item.Part(PartName)?["Culture"]), JsonValues.NonEmptyString(item.Part(PartName)?["LocalizationSet"]));

    /// <summary>The latest versions of the set's items (a few: one per culture), the item itself included.</summary>
    public async Task<IReadOnlyList<ContentItem>> ItemsAsync(ContentQuery query, CancellationToken ct)
    {
        if (Set is null) return [];
        var filter = new ContentFilter.Field(PartName, "LocalizationSet", FieldValueKind.Text, FilterOperator.Equal, Set);
        return await query.ListAsync(new ContentListRequest(null) { Status = ContentStatus.Latest, Filter = filter }, ct);
    }

    /// <summary>The site's supported cultures no item of the set has yet.</summary>
    public static IReadOnlyList<string> MissingCultures(IEnumerable<string> supported, IReadOnlyList<ContentItem> items)
    {
        var present = items.Select(i => Of(i).Culture).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. supported.Where(c => !present.Contains(c))];
    }
}
