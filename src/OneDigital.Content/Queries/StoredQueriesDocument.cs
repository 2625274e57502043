using System.Text.Json.Nodes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Queries;

/// <summary>
/// The stored Lucene and SQL queries, by name, in one document: the queries feature owns its name, which the
/// recipe step, the export, search (running them) and GraphQL (a root field per query with a schema) all read.
/// </summary>
public sealed class StoredQueriesDocument
{
    public const string DocumentName = "Queries";

    /// <summary>Watched by <see cref="StoreVersions"/>: GraphQL's schema has a field per stored query with a schema.</summary>
    public static readonly WatchedDocument Watched = new(DocumentName);

    public Dictionary<string, JsonObject> Queries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
