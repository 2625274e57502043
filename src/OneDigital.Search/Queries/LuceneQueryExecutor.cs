using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;
using OneDigital.Search.Indexes;
using OneDigital.Search.Documents;

namespace OneDigital.Search.Queries;

/// <summary>
/// Runs a DSL template against an index as Orchard's Lucene query source does: render the Liquid template with the
/// parameters, parse the DSL, search, then load the hits' published items or read their stored fields.
/// </summary>
public sealed class LuceneQueryExecutor(
    ILuceneSearcherSource searchers,
    IIndexQueryContextSource contexts,
    LiquidRenderer liquid,
    ContentQuery items)
{
    // Parameters land inside JSON strings in templates ("{{ term }}"): JSON escaping keeps a quote in a value from
    // rewriting the query around it.
    private static readonly TextEncoder JsonStringEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Query templates render with values callers send: bounded in steps, output and ranges.</summary>
    public static LiquidLimits TemplateLimits { get; } = new();

    public async Task<LuceneQueryResults> RunAsync(
        string indexName, string template, JsonObject? parameters, bool returnContentItems, CancellationToken ct = default)
    {
        var context = await contexts.GetAsync(indexName, ct);
        var request = new QueryDslParser(context).Parse(await RenderAsync(template, parameters));
        var (hits, count) = await SearchAsync(indexName, request, ct);
        if (!returnContentItems)
        {
            return new LuceneQueryResults { Count = count, Documents = [.. hits.Select(h => h.Document)] };
        }
        var ids = hits.Select(h => h.ContentItemId).OfType<string>().ToList();
        return new LuceneQueryResults { Count = count, ContentItems = await items.GetPublishedAsync(ids, ct) };
    }

    private async Task<(IReadOnlyList<LuceneHit> Hits, int Count)> SearchAsync(string indexName, LuceneSearchRequest request, CancellationToken ct)
    {
        try
        {
            return await searchers.SearchAsync(indexName, searcher => Search(searcher, request), ct);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // A multi-term query (prefix, wildcard, fuzzy) rewritten into more clauses than Lucene allows.
            throw new SearchQueryException("query", $"the query expands to more than {BooleanQuery.MaxClauseCount} clauses (max_clause_count); use a narrower pattern");
        }
    }

    public async Task<string> RenderAsync(string template, JsonObject? parameters)
    {
        if (!template.Contains("{{", StringComparison.Ordinal) && !template.Contains("{%", StringComparison.Ordinal))
        {
            return template;
        }
        var model = new Dictionary<string, object?>();
        foreach (var (name, value) in parameters ?? [])
        {
            model[name] = value;
        }
        try
        {
            return await liquid.RenderAsync(template, model, encoder: JsonStringEncoder, limits: TemplateLimits);
        }
        catch (LiquidException ex)
        {
            throw new SearchQueryException("template", ex.Message);
        }
    }

    /// <summary>Runs a parsed request: the page of hits (id, score, stored fields) and the total number of hits.</summary>
    public static (IReadOnlyList<LuceneHit> Hits, int Count) Search(IndexSearcher searcher, LuceneSearchRequest request)
    {
        if (request.Size == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(request.Query, counter);
            return ([], counter.TotalHits);
        }
        var window = request.From + request.Size;
        var top = request.Sort is null
            ? searcher.Search(request.Query, window)
            : searcher.Search(request.Query, null, window, request.Sort, doDocScores: true, doMaxScore: false);
        var hits = new List<LuceneHit>(Math.Max(0, Math.Min(request.Size, top.ScoreDocs.Length - request.From)));
        for (var i = request.From; i < top.ScoreDocs.Length; i++)
        {
            var doc = searcher.Doc(top.ScoreDocs[i].Doc);
            hits.Add(new LuceneHit(doc.Get(IndexFieldNames.ContentItemId), top.ScoreDocs[i].Score, StoredFields(doc)));
        }
        return (hits, top.TotalHits);
    }

    /// <summary>A document's stored fields as JSON: text as strings, numbers as numbers, repeated fields as arrays.</summary>
    public static JsonObject StoredFields(Document doc)
    {
        var json = new JsonObject();
        foreach (var field in doc.Fields)
        {
            // Numbers first: a numeric field also answers GetStringValue, with its digits.
            JsonNode? value = field.NumericType switch
            {
                NumericFieldType.INT64 or NumericFieldType.INT32 => JsonValue.Create(field.GetInt64Value()),
                NumericFieldType.DOUBLE or NumericFieldType.SINGLE => JsonValue.Create(field.GetDoubleValue()),
                _ => field.GetStringValue() is { } text ? JsonValue.Create(text) : null,
            };
            if (value is null) continue;
            switch (json[field.Name])
            {
                case null when !json.ContainsKey(field.Name): json[field.Name] = value; break;
                case JsonArray values: values.Add(value); break;
                case var single: json[field.Name] = new JsonArray(single!.DeepClone(), value); break;
            }
        }
        return json;
    }

}

public sealed record LuceneHit(string? ContentItemId, float Score, JsonObject Document);
