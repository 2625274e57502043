// Why: removing a term leaves the items filed under it pointing at nothing, so the tree page warns first, naming how
// many items use the term (or a term under it) and the first few. The field index answers it in one query: every
// TaxonomyField of this taxonomy, across all types, holding any of the ids.
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Trees;

public sealed record TermUse(int Count, IReadOnlyList<ContentItem> First);

public sealed class TermUses(ContentQuery query, ContentDefinitionStore definitions)
{
    /// <summary>Items (latest versions) whose taxonomy fields of this taxonomy name any of the terms; the first <paramref name="take"/> of them.</summary>
    public async Task<TermUse> FindAsync(string taxonomyId, IReadOnlyList<string> termIds, int take, CancellationToken ct)
    {
        if (termIds.Count == 0) return new TermUse(0, []);
        var defs = await definitions.GetAsync(ct);
        var conditions = new List<ContentFilter>();
        var seen = new HashSet<(string, string)>();
        foreach (var typePart in defs.ContentTypes.SelectMany(t => t.Parts))
        {
            foreach (var field in defs.Part(typePart.PartName)?.Fields ?? [])
            {
                if (field.Kind != FieldKind.Taxonomy
                    || field.GetSettings<TaxonomyFieldSettings>().TaxonomyContentItemId != taxonomyId
                    || !seen.Add((typePart.Name, field.Name))) continue;
                conditions.Add(new ContentFilter.Field(typePart.Name, field.Name, FieldValueKind.Text, FilterOperator.In, termIds.ToList()));
            }
        }
        if (conditions.Count == 0) return new TermUse(0, []);
        var request = new ContentListRequest(null) { Status = ContentStatus.Latest, Filter = new ContentFilter.Or(conditions) };
        var count = await query.CountAsync(request, ct);
        var first = count == 0 ? [] : await query.ListAsync(request with { Take = take }, ct);
        return new TermUse(count, first);
    }
}
