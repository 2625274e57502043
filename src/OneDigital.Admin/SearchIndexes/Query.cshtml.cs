// Why: an administrator checks what an index finds before a stored query or the site's search relies on it. Text
// starting with "{" is Orchard's Lucene query DSL, run as the Lucene API runs it; anything else is plain words,
// searched in every item's full text. A DSL error says where in the JSON it is.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Indexing;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;

namespace OneDigital.Admin.SearchIndexes;

public sealed class SearchIndexQueryModel(IndexProfiles profiles, IIndexQueryContextSource contexts, ILuceneSearcherSource searchers) : AdminPage
{
    /// <summary>Longer text is refused before it is parsed.</summary>
    public const int MaxQueryLength = 10_000;

    /// <summary>Plain words find at most this many hits on the page.</summary>
    public const int PlainWordsHits = 20;

    [FromRoute(Name = "name")] public string IndexName { get; set; } = "";

    [BindProperty(Name = "q")] public string? Text { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>Null until a query ran.</summary>
    public QueryOutcome? Outcome { get; private set; }

    public sealed record Hit(string? ContentItemId, string Title, string? ContentType, float Score);

    /// <summary>The hits on the page, how many there are in all, and whether the text was taken as the DSL.</summary>
    public sealed record QueryOutcome(IReadOnlyList<Hit> Hits, int Count, bool Dsl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        return await FindAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (!await FindAsync()) return NotFound();
        var text = Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("q", "Enter words to search for or a query in Lucene query DSL");
        else if (text.Length > MaxQueryLength) ModelState.AddModelError("q", $"The query must be {MaxQueryLength:N0} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var dsl = text.StartsWith('{');
        try
        {
            var context = await contexts.GetAsync(Name, HttpContext.RequestAborted);
            var parser = new QueryDslParser(context);
            var request = dsl ? parser.Parse(text) : parser.Parse(PlainWords(text));
            var (hits, count) = await searchers.SearchAsync(Name, s => LuceneQueryExecutor.Search(s, request), HttpContext.RequestAborted);
            Outcome = new QueryOutcome([.. hits.Select(ToHit)], count, dsl);
        }
        catch (SearchQueryException ex)
        {
            ModelState.AddModelError("q", dsl ? $"At {ex.Path}: {ex.Problem}" : $"The words cannot be searched: {ex.Problem}");
        }
        catch (IndexUnavailableException ex)
        {
            ModelState.AddModelError("q", ex.Message);
        }
        return Page();
    }

    /// <summary>Plain words as the DSL: every word (in any form the analyzer makes of it) in the full text or the title.</summary>
    private static JsonObject PlainWords(string words) => new()
    {
        ["query"] = new JsonObject
        {
            ["simple_query_string"] = new JsonObject
            {
                ["query"] = words,
                ["fields"] = new JsonArray(IndexFieldNames.FullText, IndexFieldNames.DisplayTextAnalyzed),
                ["default_operator"] = "and",
            },
        },
        ["size"] = PlainWordsHits,
    };

    private static Hit ToHit(LuceneHit hit)
    {
        var title = hit.Document[IndexFieldNames.DisplayText] is JsonValue v && v.TryGetValue(out string? t) && !string.IsNullOrWhiteSpace(t) ? t : null;
        var type = hit.Document[IndexFieldNames.ContentType] is JsonValue c && c.TryGetValue(out string? ct) ? ct : null;
        return new Hit(hit.ContentItemId, title ?? "(no title)", type, hit.Score);
    }

    private async Task<bool> FindAsync()
    {
        var profile = (await profiles.GetAsync(HttpContext.RequestAborted)).Profiles.Find(p => p.IndexName.Equals(IndexName, StringComparison.OrdinalIgnoreCase));
        if (profile is null) return false;
        Name = profile.IndexName;
        return true;
    }

    public TextareaField QueryField() => new("q", "Query")
    {
        Value = Text,
        Rows = 8,
        Hint = "Words to find, such as: digital skills. Or Orchard's Lucene query DSL as JSON, starting with {, such as "
            + "{ \"query\": { \"match\": { \"Content.ContentItem.FullText\": \"digital skills\" } }, \"size\": 10 }",
    };
}
