using OneDigital.Content.Security;
using OneDigital.Search.Queries;
using OneDigital.Web.Api.Queries;
using OneDigital.Web.Problems;

namespace OneDigital.Web.Api.Lucene;

/// <summary>
/// Orchard's Lucene API (ORCHARD-SPEC §3.2): <c>GET|POST /api/lucene/content</c> and <c>/api/lucene/documents</c> run
/// an ad-hoc DSL query (<c>indexName</c>, <c>query</c>, <c>parameters</c>) and answer <c>{ items, count }</c> with the
/// published items or the stored fields. Needs QueryLuceneApi.
/// </summary>
public static class LuceneApiEndpoints
{
    public static IEndpointRouteBuilder MapLuceneApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/api/lucene/content", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, PermissionService permissions, LuceneQueryExecutor executor, CancellationToken ct) =>
                RunAsync(http, permissions, executor, returnContentItems: true, ct));
        endpoints.MapMethods("/api/lucene/documents", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, PermissionService permissions, LuceneQueryExecutor executor, CancellationToken ct) =>
                RunAsync(http, permissions, executor, returnContentItems: false, ct));
        return endpoints;
    }

    private static async Task<IResult> RunAsync(
        HttpContext http, PermissionService permissions, LuceneQueryExecutor executor, bool returnContentItems, CancellationToken ct)
    {
        var caller = await ApiCaller.AuthenticateAsync(http);
        if (!await permissions.IsGrantedAsync(caller.Principal, Permissions.QueryLuceneApi, ct: ct))
        {
            return caller.Refuse();
        }
        // Errors (a bad query, an unknown index, one that cannot be searched now) are answered by Web/Problems.
        var values = await ApiRequestValues.ReadAsync(http.Request, ct);
        var indexName = values.Text("indexName");
        var query = values.Text("query");
        if (string.IsNullOrWhiteSpace(indexName) || string.IsNullOrWhiteSpace(query))
        {
            throw new ApiRequestException(SearchQueryException.InvalidTitle,
                "indexName and query are required, e.g. indexName=Search&query={ \"query\": { \"match_all\": {} } }");
        }
        var result = await executor.RunAsync(indexName, query, values.Parameters(), returnContentItems, ct);
        return Results.Content(result.ToJson().ToJsonString(), "application/json");
    }
}
