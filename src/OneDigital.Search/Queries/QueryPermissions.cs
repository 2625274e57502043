using OneDigital.Content.Indexing;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;

namespace OneDigital.Search.Queries;

/// <summary>
/// Orchard's permissions named after stored things: <c>ExecuteApi_{Query}</c> for each stored query (implied by
/// ExecuteApiAll) and <c>QueryLucene{Index}Index</c> for each Lucene index (implied by ManageLuceneIndexes).
/// </summary>
public sealed class QueryPermissions(QueryDefinitions queries, IndexProfiles profiles) : IPermissionProvider
{
    public static Permission ExecuteApi(string queryName) =>
        new($"ExecuteApi_{queryName}", $"Execute query '{queryName}' through the API", Permissions.ExecuteApiAll);

    public static Permission QueryIndex(string indexName) =>
        string.Equals(indexName, "Search", StringComparison.OrdinalIgnoreCase)
            ? Permissions.QueryLuceneSearchIndex
            : new($"QueryLucene{indexName}Index", $"Query the Lucene '{indexName}' index", Permissions.ManageLuceneIndexes);

    public async Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken ct = default)
    {
        var permissions = (await queries.ListAsync(ct)).Keys.Select(ExecuteApi).ToList();
        permissions.AddRange((await profiles.GetAsync(ct)).Profiles.Select(p => QueryIndex(p.IndexName.Length > 0 ? p.IndexName : p.Name)));
        return permissions;
    }
}
