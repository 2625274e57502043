// Why: an index that cannot be searched right now (being rebuilt after damage, or held by another process) is a
// temporary condition of this node, not a fault in the request: 503 with a message and when to try again.
using OneDigital.Search.Indexes;

namespace OneDigital.Web.Api.Queries;

internal static class SearchUnavailable
{
    public static IResult Result(HttpContext http, IndexUnavailableException ex)
    {
        http.Response.Headers.RetryAfter = ex.RetryAfterHeader;
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is unavailable.", detail: ex.Message);
    }
}
