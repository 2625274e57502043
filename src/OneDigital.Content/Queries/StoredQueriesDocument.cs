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

    /// <summary>The query sources a stored query may name, as Orchard spells them (SQL queries run over Orchard's index tables as Search's SqlQueryExecutor maps them).</summary>
    public static readonly IReadOnlyList<string> Sources = ["Lucene", "Sql"];

    /// <summary>The source's canonical spelling, or null for a source this CMS does not know (compared ignoring case).</summary>
    public static string? KnownSource(string? source) =>
        Sources.FirstOrDefault(s => s.Equals(source, StringComparison.OrdinalIgnoreCase));

    public Dictionary<string, JsonObject> Queries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
