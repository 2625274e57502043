using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Search;

namespace OneDigital.Search.Queries;

/// <summary>
/// Turns Orchard's Elasticsearch-like query DSL (ORCHARD-SPEC §4.3) into a Lucene request. Every error names the
/// JSON path of the offending part, e.g. <c>query.bool.must[1]: unknown query type 'trem'</c>.
/// </summary>
public sealed class QueryDslParser(IndexQueryContext context)
{
    private static readonly string[] TopLevelKeys = ["query", "sort", "size", "from"];

    /// <summary>Parses DSL text (a rendered template).</summary>
    public LuceneSearchRequest Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SearchQueryException("$", $"the query is not valid JSON ({ex.Message})");
        }
        return Parse(root);
    }

    public LuceneSearchRequest Parse(JsonNode? root)
    {
        if (root is not JsonObject obj)
        {
            throw new SearchQueryException("$", "the query must be a JSON object such as { \"query\": { \"match_all\": {} } }");
        }
        foreach (var (key, _) in obj)
        {
            if (!TopLevelKeys.Contains(key))
            {
                throw new SearchQueryException(key, $"unknown property (expected one of {string.Join(", ", TopLevelKeys)})");
            }
        }
        // A new count of clauses per query: a parser kept for many queries must not run out of its budget.
        var query = obj["query"] is { } q ? new QueryClauses(context).Parse(q, "query") : new MatchAllDocsQuery();
        var sort = obj["sort"] is { } s ? new SortParser(context).Parse(s, "sort") : null;
        var size = Count(obj["size"], "size") ?? LuceneSearchRequest.DefaultSize;
        var from = Count(obj["from"], "from") ?? 0;
        if ((long)size + from > LuceneSearchRequest.MaxWindow)
        {
            throw new SearchQueryException("size", $"from + size must not exceed {LuceneSearchRequest.MaxWindow}");
        }
        return new LuceneSearchRequest(query, sort, size, from);
    }

    private static int? Count(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var n) && n >= 0 => n,
        JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, out var n) && n >= 0 => n,
        _ => throw new SearchQueryException(path, $"expected a whole number of at least 0, not {node.ToJsonString()}"),
    };
}
