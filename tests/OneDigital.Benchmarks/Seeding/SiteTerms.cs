using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Benchmarks.Seeding;

/// <summary>A taxonomy of the site and its term ids, as the setup recipe created them.</summary>
public sealed record Taxonomy(string ContentItemId, IReadOnlyList<string> TermIds);

/// <summary>What seeded items refer to: the recipe's taxonomies, blog and report series.</summary>
public sealed record SiteTerms(Taxonomy Topics, Taxonomy Regions, Taxonomy EventTypes, string BlogId, string ReportSeriesId)
{
    public static async Task<SiteTerms> ReadAsync(ContentQuery query)
    {
        var items = new List<ContentItem>();
        foreach (var type in new[] { "Taxonomy", "Blog", "ReportSeries" })
        {
            // The recipe's own, not the blogs and series seeded after them (a reused store holds both).
            items.AddRange(await query.ListAsync(new ContentListRequest(type) { OwnedBy = new ContentOwner(BenchmarkStore.RecipeOwner) }));
        }
        return new SiteTerms(
            TaxonomyTitled(items, "Topics"),
            TaxonomyTitled(items, "Regions"),
            TaxonomyTitled(items, "Event types"),
            Single(items, "Blog").ContentItemId,
            Single(items, "ReportSeries").ContentItemId);
    }

    private static ContentItem Single(List<ContentItem> items, string type) =>
        items.SingleOrDefault(i => i.ContentType == type)
        ?? throw new InvalidOperationException($"The setup recipe should create exactly one {type}.");

    private static Taxonomy TaxonomyTitled(List<ContentItem> items, string title)
    {
        var taxonomy = items.SingleOrDefault(i => i.ContentType == "Taxonomy" && i.DisplayText == title)
            ?? throw new InvalidOperationException($"The setup recipe should create the taxonomy '{title}'.");
        var terms = (taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(t => JsonValues.NonEmptyString(t["ContentItemId"]))
            .OfType<string>()
            .ToList();
        return terms.Count > 0 ? new Taxonomy(taxonomy.ContentItemId, terms) : throw new InvalidOperationException($"The taxonomy '{title}' has no terms.");
    }
}
