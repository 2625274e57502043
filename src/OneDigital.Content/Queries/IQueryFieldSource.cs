using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Queries;

/// <summary>
/// Stored queries with a schema, which the content schema exposes as root fields (ORCHARD-SPEC §2.7). Declared here,
/// below both sides, so that search (where the queries live and run) implements it and GraphQL consumes it without
/// either referencing the other; the host registers the implementation scoped. The schema is built again when
/// <see cref="DocumentName"/>'s version changes.
/// </summary>
public interface IQueryFieldSource
{
    /// <summary>The store document holding the queries; its version is part of the schema's cache key.</summary>
    string DocumentName { get; }

    Task<IReadOnlyList<QueryFieldDefinition>> ListAsync(CancellationToken ct = default);

    /// <summary>Runs a query by name; a bad query or parameters throw an exception whose message the caller may see.</summary>
    Task<QueryFieldResults> RunAsync(string queryName, JsonObject? parameters, CancellationToken ct = default);
}

/// <param name="Schema">The query's schema as stored: JSON text such as <c>{ "type": "ContentItem/BlogPost" }</c>.</param>
public sealed record QueryFieldDefinition(string QueryName, string? Schema, bool ReturnContentItems);

/// <summary>The published items of the hits (when the query returns content items), else the hits' stored fields.</summary>
public sealed record QueryFieldResults(IReadOnlyList<ContentItem> Items, IReadOnlyList<JsonObject> Documents);

/// <summary>A query that cannot run as asked (bad template, parameters or index); the message is the caller's to read.</summary>
public sealed class QueryFieldException(string message, Exception? inner = null) : Exception(message, inner);
