using OneDigital.Content.Security;
using OneDigital.Search.Queries;

namespace OneDigital.Web.Api.Queries;

/// <summary>
/// Orchard's Queries API (ORCHARD-SPEC §3.3): <c>GET|POST /api/queries/{name}</c> runs a stored query with
/// <c>parameters</c> (a JSON object: in the query string or form, or as the POST body). Needs ExecuteApiAll or
/// ExecuteApi_{name}.
/// </summary>
public static class QueriesApiEndpoints
{
    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/api/queries/{name}", [HttpMethods.Get, HttpMethods.Post], RunAsync);
        return endpoints;
    }

    private static async Task<IResult> RunAsync(string name, HttpContext http, PermissionService permissions, StoredQueries queries, CancellationToken ct)
    {
        var caller = await ApiCaller.AuthenticateAsync(http);
        // Checked before looking the query up, so callers without rights cannot probe which queries exist.
        if (!await permissions.IsGrantedAsync(caller.Principal, QueryPermissions.ExecuteApi(name), ct: ct))
        {
            return caller.Refuse();
        }
        // Errors (a bad query or parameters, an unknown query or index, one that cannot be searched now) are answered
        // by Web/Problems.
        var values = await ApiRequestValues.ReadAsync(http.Request, ct);
        var parameters = values.Parameters() ?? (values.Text("parameters") is null ? ApiRequestValues.ParseParameters(values.Body) : null);
        var result = await queries.RunAsync(name, parameters, ct);
        return Results.Content(result.ToJson().ToJsonString(), "application/json");
    }
}
