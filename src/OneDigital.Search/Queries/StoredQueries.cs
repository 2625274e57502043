using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Queries;
using OneDigital.Search.Queries.Sql;

namespace OneDigital.Search.Queries;

/// <summary>A query the <c>queries</c> recipe step stored, read in both Orchard shapes (flat, or Properties.*QueryMetadata).</summary>
public sealed record StoredQuery(string Name, string Source, string? Index, string Template, bool ReturnContentItems, string? Schema)
{
    public bool IsLucene => Source.Equals("Lucene", StringComparison.OrdinalIgnoreCase);

    public bool IsSql => Source.Equals("Sql", StringComparison.OrdinalIgnoreCase);

    public static StoredQuery From(string name, JsonObject json)
    {
        var source = Text(json["Source"]) ?? "";
        var metadata = json["Properties"]?[$"{source}QueryMetadata"];
        return new StoredQuery(
            Text(json["Name"]) ?? name,
            source,
            Text(json["Index"]) ?? Text(metadata?["Index"]),
            Text(json["Template"]) ?? Text(metadata?["Template"]) ?? "",
            // SQL queries say ReturnDocuments for the same thing.
            IsTrue(json["ReturnContentItems"]) || IsTrue(json["ReturnDocuments"]) || IsTrue(metadata?["ReturnDocuments"]),
            // Orchard stores the schema as JSON text; a recipe may also give it as an object.
            json["Schema"] is JsonObject schema ? schema.ToJsonString() : Text(json["Schema"]));
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue r && (r.GetValueKind() == JsonValueKind.True
        || r.GetValueKind() == JsonValueKind.String && bool.TryParse(r.GetValue<string>(), out var b) && b);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}

/// <summary>Stored queries by name, and running them (Orchard's Queries API and GraphQL fields use this).</summary>
public sealed class StoredQueries(QueryDefinitions definitions, LuceneQueryExecutor executor, SqlQueryExecutor sql)
{
    public async Task<IReadOnlyList<StoredQuery>> ListAsync(CancellationToken ct = default)
    {
        return [.. (await definitions.ListAsync(ct)).Select(q => StoredQuery.From(q.Key, q.Value))];
    }

    public async Task<StoredQuery?> FindAsync(string name, CancellationToken ct = default)
    {
        return await definitions.FindAsync(name, ct) is { } match ? StoredQuery.From(match.Name, match.Query) : null;
    }

    /// <summary>Runs a stored query by name; throws <see cref="UnknownQueryException"/> or <see cref="SearchQueryException"/>.</summary>
    public async Task<LuceneQueryResults> RunAsync(string name, JsonObject? parameters, CancellationToken ct = default) =>
        await RunAsync(await FindAsync(name, ct) ?? throw new UnknownQueryException(name), parameters, ct);

    public Task<LuceneQueryResults> RunAsync(StoredQuery query, JsonObject? parameters, CancellationToken ct = default)
    {
        if (query.IsSql)
        {
            return sql.RunAsync(query.Template, parameters, query.ReturnContentItems, ct);
        }
        if (!query.IsLucene)
        {
            throw new SearchQueryException("Source", $"the query '{query.Name}' is a {query.Source} query; only Lucene and SQL queries can run here");
        }
        if (string.IsNullOrWhiteSpace(query.Index))
        {
            throw new SearchQueryException("Index", $"the query '{query.Name}' names no index");
        }
        return executor.RunAsync(query.Index, query.Template, parameters, query.ReturnContentItems, ct);
    }
}
