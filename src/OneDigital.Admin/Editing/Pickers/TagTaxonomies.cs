// Why: a Tags editor reads typed names back into term ids while the post is read, which is synchronous, and a new
// name becomes a term of the taxonomy only when the item itself is saved, in the same transaction. So the taxonomies
// of the Tags fields are loaded once per request before reading (with whether this editor may add terms: Orchard's
// TaxonomyFieldTagsEditorSettings.Open, EditContent on the taxonomy and PublishContent when it is published), new
// names are noted as pending terms with their ids, and the page writes them just before the item.
using System.Security.Claims;
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Editing.Pickers;

/// <summary>Orchard's settings of the Tags editor of a TaxonomyField.</summary>
public sealed class TaxonomyFieldTagsEditorSettings
{
    /// <summary>Whether editors may add new tags to the taxonomy (Orchard's default: yes).</summary>
    public bool Open { get; set; } = true;
}

/// <summary>One taxonomy a Tags field uses, as loaded for this request; whether this editor may edit (and publish) it.</summary>
public sealed record TagTaxonomy(ContentItem Item, bool MayEdit)
{
    public string Name => Item.DisplayText ?? Item.ContentItemId;

    /// <summary>Every term, depth first.</summary>
    public IEnumerable<JsonObject> Terms => Flatten(Item.Part("TaxonomyPart")?["Terms"] as JsonArray);

    public JsonObject? Find(string name) =>
        Terms.FirstOrDefault(t => string.Equals(((string?)t["DisplayText"])?.Trim(), name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonObject> Flatten(JsonArray? terms)
    {
        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            yield return term;
            foreach (var child in Flatten(term["Terms"] as JsonArray)) yield return child;
        }
    }
}

public sealed class TagTaxonomies(ContentQuery query, PermissionService permissions)
{
    private readonly Dictionary<string, TagTaxonomy> _loaded = new(StringComparer.Ordinal);
    private readonly List<(string TaxonomyId, string Id, string Name)> _pending = [];

    /// <summary>Whether the field may add this taxonomy's terms: it is open (Orchard's TaxonomyFieldTagsEditorSettings.Open) and the editor may edit the taxonomy.</summary>
    public static bool MayAddTerms(ContentPartFieldDefinition field, TagTaxonomy? taxonomy) =>
        taxonomy is { MayEdit: true } && field.GetSettings<TaxonomyFieldTagsEditorSettings>().Open;

    /// <summary>Loads the taxonomies of every Tags field in the definitions (there are few).</summary>
    public async Task LoadAsync(ClaimsPrincipal user, ContentDefinitionDocument definitions, CancellationToken ct)
    {
        var fields = definitions.ContentParts.SelectMany(p => p.Fields)
            .Where(f => f.Kind == FieldKind.Taxonomy && IsTags(f));
        foreach (var field in fields)
        {
            if (field.GetSettings<TaxonomyFieldSettings>().TaxonomyContentItemId is not { Length: > 0 } id || _loaded.ContainsKey(id)) continue;
            if (await query.GetLatestAsync(id, ct) is not { } taxonomy) continue;
            var may = await permissions.IsGrantedAsync(user, Permissions.EditContent, taxonomy, ct)
                && (!taxonomy.Published || await permissions.IsGrantedAsync(user, Permissions.PublishContent, taxonomy, ct));
            _loaded[id] = new TagTaxonomy(taxonomy, may);
        }
    }

    public static bool IsTags(ContentPartFieldDefinition field) =>
        string.Equals(field.GetSettings<ContentPartFieldSettings>().Editor, "Tags", StringComparison.Ordinal);

    public TagTaxonomy? For(string? taxonomyId) => taxonomyId is null ? null : _loaded.GetValueOrDefault(taxonomyId);

    /// <summary>The id a new term of this name will have once the item is saved (the same id for the same name in one request).</summary>
    public string Pending(TagTaxonomy taxonomy, string name)
    {
        var known = _pending.FindIndex(p => p.TaxonomyId == taxonomy.Item.ContentItemId && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (known >= 0) return _pending[known].Id;
        var id = Content.Store.IdGenerator.NewId();
        _pending.Add((taxonomy.Item.ContentItemId, id, name));
        return id;
    }

    /// <summary>Forgets the new names of an earlier read of the post.</summary>
    public void ClearPending() => _pending.Clear();

    /// <summary>
    /// Adds the pending terms to their taxonomies: a new published version when the taxonomy's latest is published,
    /// else its draft. Call it in the transaction that saves the item, so both are written or neither.
    /// </summary>
    public async Task AddPendingAsync(ContentManager manager, ContentDefinitionDocument definitions, CancellationToken ct)
    {
        foreach (var group in _pending.GroupBy(p => p.TaxonomyId))
        {
            var loaded = _loaded[group.Key];
            var latest = await manager.GetAsync(group.Key, VersionOptions.Latest, ct) ?? throw new InvalidOperationException($"The taxonomy {group.Key} is gone");
            var taxonomy = await manager.GetAsync(group.Key, VersionOptions.DraftRequired, ct) ?? latest;
            var part = taxonomy.GetOrCreatePart("TaxonomyPart");
            if (part["Terms"] is not JsonArray terms) part["Terms"] = terms = [];
            var termType = (string?)part["TermContentType"] ?? "Tag";
            var termParts = definitions.Type(termType)?.Parts.Select(p => p.Name) ?? ["TitlePart", "TermPart"];
            foreach (var (_, id, name) in group)
            {
                var term = ContentItem.New(termType, termParts);
                term.ContentItemId = id;
                term.DisplayText = name;
                term.Latest = true;
                term.Published = true;
                term.GetOrCreatePart("TitlePart")["Title"] = name;
                term.GetOrCreatePart("TermPart")["TaxonomyContentItemId"] = taxonomy.ContentItemId;
                if (term.Part("AutoroutePart") is { } route)
                {
                    var under = (string?)taxonomy.Part("AutoroutePart")?["Path"];
                    route["Path"] = under is { Length: > 0 } ? $"{under}/{Slug.From(name)}" : Slug.From(name);
                }
                terms.Add(term.Data);
            }
            if (latest.Published) await manager.PublishAsync(taxonomy, latest.ContentItemVersionId, ct);
            else await manager.UpdateAsync(taxonomy, latest.ContentItemVersionId, ct);
            _loaded[group.Key] = loaded with { Item = taxonomy };
        }
        _pending.Clear();
    }
}
