using OneDigital.Content.Indexing;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Search.Queries;

/// <summary>
/// Orchard's permissions named after stored things: <c>ExecuteApi_{Query}</c> for each stored query (implied by
/// ExecuteApiAll) and <c>QueryLucene{Index}Index</c> for each Lucene index (implied by ManageLuceneIndexes).
/// </summary>
public sealed class QueryPermissions(DocumentStore documents) : IPermissionProvider
{
    public static Permission ExecuteApi(string queryName) =>
        new($"ExecuteApi_{queryName}", $"Execute query '{queryName}' through the API", Permissions.ExecuteApiAll);

    public static Permission QueryIndex(string indexName) =>
        string.Equals(indexName, "Search", StringComparison.OrdinalIgnoreCase)
            ? Permissions.QueryLuceneSearchIndex
            : new($"QueryLucene{indexName}Index", $"Query the Lucene '{indexName}' index", Permissions.ManageLuceneIndexes);

    public async Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken ct = default)
    {
        var (queries, _) = await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName, ct);
        var permissions = queries.Queries.Keys.Select(ExecuteApi).ToList();
        var (profiles, _) = await documents.GetAsync<IndexProfilesDocument>(IndexProfilesDocument.DocumentName, ct);
        permissions.AddRange(profiles.Profiles.Select(p => QueryIndex(p.IndexName.Length > 0 ? p.IndexName : p.Name)));
        return permissions;
    }
}
