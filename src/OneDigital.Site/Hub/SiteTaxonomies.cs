// Why: readers filter and browse by topic and region by name, while items hold only the terms' ids; the terms live
// inside their taxonomy item (Orchard's TaxonomyPart), so one read of the taxonomy names every term a page shows.
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Site.Hub;

/// <summary>The published terms of the site's taxonomies, by the taxonomy's alias. Scoped: each taxonomy is read once per request.</summary>
public sealed class SiteTaxonomies(ContentQuery query)
{
    public const string Topics = "topics";
    public const string Regions = "regions";

    private readonly Dictionary<string, IReadOnlyList<TermView>> _read = new(StringComparer.Ordinal);

    /// <summary>The taxonomy's terms in its own order (nested terms after their parent); none when it is not published.</summary>
    public async Task<IReadOnlyList<TermView>> TermsAsync(string alias, CancellationToken ct = default)
    {
        if (_read.TryGetValue(alias, out var known)) return known;
        var taxonomy = await query.GetByAliasAsync(alias, ct: ct);
        var terms = new List<TermView>();
        if (taxonomy?.Part("TaxonomyPart")?["Terms"] is JsonArray roots)
        {
            Collect(roots, terms);
        }
        _read[alias] = terms;
        return terms;
    }

    /// <summary>The terms a taxonomy field's value (its term ids, as <see cref="Models.ItemView.Fields"/> holds them) names, in the field's order.</summary>
    public static IReadOnlyList<TermView> Named(IReadOnlyList<TermView> terms, object? fieldValue) =>
        fieldValue is IEnumerable<string> ids ? [.. ids.Select(id => terms.FirstOrDefault(t => t.Id == id)).OfType<TermView>()] : [];

    private static void Collect(JsonArray nodes, List<TermView> into)
    {
        foreach (var node in nodes.OfType<JsonObject>())
        {
            var term = new ContentItem(node);
            var name = term.DisplayText ?? JsonValues.NonEmptyString(node["TitlePart"]?["Title"]);
            if (term.ContentItemId.Length > 0 && name is not null)
            {
                into.Add(new TermView(term.ContentItemId, name, SlugOf(term)));
            }
            if (node["Terms"] is JsonArray children)
            {
                Collect(children, into);
            }
        }
    }

    // The last segment of the term's own route (topics/working-with-learners), else its id: what a filter's address carries.
    private static string SlugOf(ContentItem term) =>
        JsonValues.NonEmptyString(term.Part("AutoroutePart")?["Path"]) is { } path && path.Trim('/').Split('/')[^1] is { Length: > 0 } slug
            ? slug
            : term.ContentItemId;
}

/// <summary>A taxonomy term as templates see it: its name and the slug that filters by it (<c>?topic={Slug}</c>).</summary>
public sealed record TermView(string Id, string Name, string Slug);
