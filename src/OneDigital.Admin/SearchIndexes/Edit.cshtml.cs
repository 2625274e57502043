// Why: the settings of an index profile that this CMS honours (Orchard's ContentIndexMetadata and
// LuceneIndexMetadata: types, latest or published, culture, analyzer, stored source) are edited here and saved
// through IndexProfiles, the same writer recipes use. A changed profile changes the index's signature, so every
// web server rebuilds its copy; this one is woken to start at once.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Indexing;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.SearchIndexes;

public sealed class SearchIndexEditModel(IndexProfiles profiles, ContentDefinitionStore definitions, SiteSettingsStore settings, IndexingSignal indexer) : AdminPage
{
    public const string Any = "any";

    /// <summary>The analyzers offered, in Orchard's names, with what each does to words.</summary>
    public static readonly IReadOnlyList<(string Name, string Text, string Hint)> Analyzers =
    [
        ("standardanalyzer", "Standard", "Splits text into words and ignores case."),
        ("englishanalyzer", "English", "As Standard, and finds other forms of a word: \"volunteering\" finds \"volunteers\"."),
        ("simpleanalyzer", "Simple", "Splits at anything that is not a letter and ignores case."),
        ("whitespaceanalyzer", "Whitespace", "Splits at spaces only and keeps case."),
        ("keywordanalyzer", "Keyword", "Keeps each value whole, for exact matches only."),
    ];

    [FromRoute(Name = "name")] public string IndexName { get; set; } = "";

    [BindProperty(Name = "types")] public List<string> Types { get; set; } = [];
    [BindProperty(Name = "versions")] public string? Versions { get; set; }
    [BindProperty(Name = "culture")] public string? Culture { get; set; }
    [BindProperty(Name = "analyzer")] public string? Analyzer { get; set; }
    [BindProperty(Name = "storeSource")] public string? StoreSource { get; set; }

    public IndexProfile Profile { get; private set; } = null!;
    public IReadOnlyList<ContentTypeDefinition> ContentTypes { get; private set; } = [];
    public IReadOnlyList<string> Cultures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        var content = Profile.Content;
        var lucene = Profile.Lucene;
        Types = [.. content.IndexedContentTypes];
        Versions = content.IndexLatest ? "latest" : "published";
        Culture = string.IsNullOrWhiteSpace(content.Culture) ? Any : content.Culture;
        Analyzer = Analyzers.FirstOrDefault(a => a.Name.StartsWith(lucene.AnalyzerName, StringComparison.OrdinalIgnoreCase)).Name ?? lucene.AnalyzerName;
        StoreSource = lucene.StoreSourceData ? "yes" : "no";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        var types = Types.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (types.Count == 0) ModelState.AddModelError("types", "Select at least one content type to index");
        else if (types.FirstOrDefault(t => !ContentTypes.Any(c => c.Name.Equals(t, StringComparison.OrdinalIgnoreCase))) is { } unknown)
            ModelState.AddModelError("types", $"There is no content type named '{unknown}'");
        if (Versions is not ("published" or "latest")) ModelState.AddModelError("versions", "Select which versions to index");
        if (string.IsNullOrEmpty(Culture) || !Cultures.Contains(Culture, StringComparer.OrdinalIgnoreCase))
            ModelState.AddModelError("culture", "Select a culture from the list");
        if (!Analyzers.Any(a => a.Name == Analyzer)) ModelState.AddModelError("analyzer", "Select an analyzer");
        if (StoreSource is not ("yes" or "no")) ModelState.AddModelError("storeSource", "Select whether to store each item's source");
        if (!ModelState.IsValid) return Page();

        var properties = new JsonObject
        {
            ["ContentIndexMetadata"] = new JsonObject
            {
                ["IndexLatest"] = Versions == "latest",
                ["IndexedContentTypes"] = new JsonArray([.. types.Select(t => (JsonNode)ContentTypes.First(c => c.Name.Equals(t, StringComparison.OrdinalIgnoreCase)).Name)]),
                ["Culture"] = Culture,
            },
            ["LuceneIndexMetadata"] = new JsonObject
            {
                ["AnalyzerName"] = Analyzer,
                ["StoreSourceData"] = StoreSource == "yes",
            },
        };
        try
        {
            await profiles.SaveAsync(new IndexProfileEntry(Profile.Id, null, null, null, null, properties), HttpContext.RequestAborted);
        }
        catch (IndexProfileException ex)
        {
            ModelState.AddModelError(ex.Field.EndsWith("AnalyzerName", StringComparison.Ordinal) ? "analyzer" : "types", ex.Message);
            return Page();
        }
        indexer.Signal();
        return Redirect($"{SearchIndexLinks.Details(Profile.IndexName)}?done=saved");
    }

    private async Task<bool> LoadAsync()
    {
        var document = await profiles.GetAsync(HttpContext.RequestAborted);
        if (document.Profiles.Find(p => p.IndexName.Equals(IndexName, StringComparison.OrdinalIgnoreCase)) is not { } profile) return false;
        Profile = profile;
        ContentTypes = [.. (await definitions.GetAsync(HttpContext.RequestAborted)).ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase)];
        var cultures = SiteCultures.From(await settings.GetAsync(HttpContext.RequestAborted)).SupportedCultures.ToList();
        // A culture a recipe gave that the site no longer lists stays choosable, so saving other settings keeps it.
        var current = profile.Content.Culture;
        if (!string.IsNullOrWhiteSpace(current) && !current.Equals(Any, StringComparison.OrdinalIgnoreCase) && !cultures.Contains(current, StringComparer.OrdinalIgnoreCase))
        {
            cultures.Add(current);
        }
        Cultures = [Any, .. cultures];
        return true;
    }

    public CheckboxesField TypesField() => new("types", "Content types to index",
        [.. ContentTypes.Select(t => new Choice(t.Name, t.DisplayName ?? t.Name) { Selected = Types.Contains(t.Name, StringComparer.OrdinalIgnoreCase) })])
    { Hint = "Items of these types are documents of the index.", Small = true };

    public RadiosField VersionsField() => new("versions", "Versions to index",
        [new Choice("published", "Published versions only") { Selected = Versions == "published", Hint = "What readers can see. The site's search uses this." },
         new Choice("latest", "Latest versions, drafts included") { Selected = Versions == "latest", Hint = "For editors' tools; never shown to readers." }]);

    public SelectField CultureField() => new("culture", "Culture",
        [.. Cultures.Select(c => new Choice(c, c == Any ? "Any culture" : c) { Selected = string.Equals(c, Culture, StringComparison.OrdinalIgnoreCase) })])
    { Hint = "Index only items in this culture, or items in any culture." };

    public RadiosField AnalyzerField() => new("analyzer", "Analyzer",
        [.. Analyzers.Select(a => new Choice(a.Name, a.Text) { Hint = a.Hint, Selected = a.Name == Analyzer })]);

    public RadiosField StoreSourceField() => new("storeSource", "Store each item's source in the index",
        [new Choice("yes", "Yes") { Selected = StoreSource == "yes", Hint = "Queries that return documents include the item's JSON." },
         new Choice("no", "No") { Selected = StoreSource == "no" }]) { Inline = false };
}
