using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Queries;

/// <summary>A query that cannot be stored; <see cref="Field"/> names the offending property.</summary>
public sealed class QueryDefinitionException(string field, string message) : InvalidOperationException(message)
{
    public string Field { get; } = field;
}

/// <summary>A query in its stored shape, under its name; <see cref="Source"/> is spelled as Orchard does.</summary>
public sealed record QueryDefinition(string Name, string Source, JsonObject Json);

/// <summary>
/// The stored queries' one reader and writer: the recipe step and the export, search (running them, naming their
/// permissions) and, through search, GraphQL's root fields. A query is kept in Orchard's JSON as given, with both
/// Orchard 1's flat Index/Template and Orchard 2+'s Properties.*QueryMetadata filled in, so every reader finds them.
/// </summary>
public sealed class QueryDefinitions(DocumentStore documents)
{
    /// <summary>The stored queries by name (the JSON as stored).</summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> ListAsync(CancellationToken ct = default) =>
        (await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName, ct)).Value.Queries;

    /// <summary>The query named so, ignoring case as Orchard does; null when there is none.</summary>
    public async Task<(string Name, JsonObject Query)?> FindAsync(string name, CancellationToken ct = default)
    {
        // The stored dictionary comes back from JSON case-sensitive, so the name is compared here.
        foreach (var (key, query) in await ListAsync(ct))
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return (key, query);
        }
        return null;
    }

    /// <summary>
    /// Checks a query as a recipe gives it and returns its stored shape (a copy): the source spelled as Orchard does,
    /// the flat and nested Index/Template both present.
    /// </summary>
    /// <exception cref="QueryDefinitionException">The name is missing, the source unknown, or the schema not JSON.</exception>
    public static QueryDefinition Normalise(JsonObject source)
    {
        var query = (JsonObject)source.DeepClone();
        var name = JsonValues.NonEmptyString(JsonValues.Property(query, "Name"));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new QueryDefinitionException("Name", "Query name is missing or empty.");
        }
        var kind = JsonValues.NonEmptyString(JsonValues.Property(query, "Source"));
        var known = StoredQueriesDocument.KnownSource(kind)
            ?? throw new QueryDefinitionException("Source", $"Could not find query source '{kind}' (known: {string.Join(", ", StoredQueriesDocument.Sources)}).");
        if (JsonValues.NonEmptyString(JsonValues.Property(query, "Schema")) is { } schema)
        {
            try
            {
                JsonNode.Parse(schema);
            }
            catch (JsonException ex)
            {
                throw new QueryDefinitionException("Schema", $"The schema is not valid JSON: {ex.Message}");
            }
        }
        query["Source"] = known;
        var metadataName = $"{known}QueryMetadata";
        var properties = JsonValues.Property(query, "Properties") as JsonObject ?? [];
        query["Properties"] = properties;
        var metadata = properties[metadataName] as JsonObject ?? [];
        properties[metadataName] = metadata;
        foreach (var key in known == "Lucene" ? new[] { "Index", "Template" } : ["Template"])
        {
            var flat = JsonValues.Property(query, key);
            if (flat is not null) metadata[key] = flat.DeepClone();
            else if (metadata[key] is { } nested) query[key] = nested.DeepClone();
        }
        return new QueryDefinition(name, known, query);
    }

    /// <summary>Stores the queries (each checked by <see cref="Normalise"/>) in one save; an existing name is replaced.</summary>
    public async Task SaveAsync(IReadOnlyList<QueryDefinition> queries, CancellationToken ct = default)
    {
        var (stored, _) = await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName, ct);
        foreach (var query in queries)
        {
            stored.Queries[query.Name] = query.Json;
        }
        await documents.SaveAsync(StoredQueriesDocument.DocumentName, stored, ct);
    }

    /// <summary>Stores one query in place of <paramref name="previousName"/> (a rename) or of its own name, in one save.</summary>
    /// <exception cref="QueryDefinitionException">Another query already has the new name.</exception>
    public async Task ReplaceAsync(string? previousName, QueryDefinition query, CancellationToken ct = default)
    {
        var (stored, _) = await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName, ct);
        var previous = previousName is null ? null : Key(stored, previousName);
        var existing = Key(stored, query.Name);
        if (existing is not null && !string.Equals(existing, previous, StringComparison.Ordinal))
        {
            throw new QueryDefinitionException("Name", $"There is already a query named '{existing}'.");
        }
        if (previous is not null) stored.Queries.Remove(previous);
        stored.Queries[query.Name] = query.Json;
        await documents.SaveAsync(StoredQueriesDocument.DocumentName, stored, ct);
    }

    /// <summary>Removes the query named so (ignoring case); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        var (stored, _) = await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName, ct);
        if (Key(stored, name) is not { } key) return false;
        stored.Queries.Remove(key);
        await documents.SaveAsync(StoredQueriesDocument.DocumentName, stored, ct);
        return true;
    }

    private static string? Key(StoredQueriesDocument stored, string name) =>
        stored.Queries.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
