using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: 200 once setup is done and the store answers a query, 503 before or when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", CheckAsync);
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(SetupState setup, ContentDbContext db, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!setup.IsReady)
        {
            return Unavailable(setup.Failed ? "setup failed" : "setting up");
        }
        try
        {
            // A cheap indexed read that also proves the schema is there and the store is still the one set up.
            return await db.Documents.AsNoTracking().AnyAsync(d => d.Name == SiteSetup.DocumentName, ct)
                ? Results.Json(new { status = "ready" })
                : Unavailable("store is not set up");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning(ex, "Health check: the store did not answer");
            return Unavailable("store unreachable");
        }
    }

    private static IResult Unavailable(string status) =>
        Results.Json(new { status }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
