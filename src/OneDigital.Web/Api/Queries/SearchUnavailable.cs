// Why: an index that cannot be searched right now (being rebuilt after damage, or held by another process) is a
// temporary condition of this node, not a fault in the request: 503 with a message and when to try again.
using OneDigital.Search.Indexes;

namespace OneDigital.Web.Api.Queries;

internal static class SearchUnavailable
{
    /// <summary>Seconds a client is asked to wait; an index rebuild of a typical site takes about that.</summary>
    private const int RetryAfterSeconds = 10;

    public static IResult Result(HttpContext http, IndexUnavailableException ex)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is unavailable.", detail: ex.Message);
    }
}
