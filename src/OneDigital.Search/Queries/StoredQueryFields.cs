using System.Text.Json.Nodes;
using OneDigital.Content.Queries;

namespace OneDigital.Search.Queries;

/// <summary>The stored Lucene and SQL queries with a schema, as GraphQL root fields (ORCHARD-SPEC §2.7).</summary>
public sealed class StoredQueryFields(StoredQueries queries) : IQueryFieldSource
{
    public string DocumentName => StoredQueriesDocument.DocumentName;

    public async Task<IReadOnlyList<QueryFieldDefinition>> ListAsync(CancellationToken ct = default) =>
        [.. (await queries.ListAsync(ct)).Where(q => (q.IsLucene || q.IsSql) && !string.IsNullOrWhiteSpace(q.Schema))
            .Select(q => new QueryFieldDefinition(q.Name, q.Schema, q.ReturnContentItems))];

    public async Task<QueryFieldResults> RunAsync(string queryName, JsonObject? parameters, CancellationToken ct = default)
    {
        try
        {
            var results = await queries.RunAsync(queryName, parameters, ct);
            return new QueryFieldResults(results.ContentItems ?? [], results.Documents ?? []);
        }
        catch (Exception ex) when (ex is SearchQueryException or UnknownQueryException or Indexes.UnknownIndexException)
        {
            throw new QueryFieldException(ex.Message, ex);
        }
    }
}
