using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged so are about the store and run only once setup is done (before, there may be no store yet).</summary>
    internal const string StoreTag = "store";

    /// <summary>
    /// <c>GET /health</c>: <c>{"status":"ready"}</c> with 200 once setup is done and every check passes (a busy store
    /// is degraded, still ready); 503 with <c>"setting up"</c>, <c>"setup failed"</c> or <c>"unhealthy"</c> otherwise.
    /// <c>checks</c> lists every registered check (setup, store identity, read, write probe, and those other parts
    /// register, such as search) with its status and, when it is not healthy, why.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", CheckAsync);
        return endpoints;
    }

    internal static IServiceCollection AddOneDigitalHealth(this IServiceCollection services)
    {
        services.AddSingleton<StoreWatch>();
        services.AddHostedService<StoreMonitor>();
        services.AddHealthChecks()
            .AddCheck<SetupHealthCheck>("setup")
            .AddCheck<StoreIdentityHealthCheck>("store-identity", tags: [StoreTag])
            .AddCheck<StoreReadHealthCheck>("store-read", tags: [StoreTag])
            .AddCheck<StoreWriteHealthCheck>("store-write", tags: [StoreTag]);
        return services;
    }

    private static async Task<IResult> CheckAsync(SetupState setup, HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(r => setup.IsReady || !r.Tags.Contains(StoreTag), ct);
        var status = !setup.IsReady ? (setup.Failed ? "setup failed" : "setting up")
            : report.Status == HealthStatus.Unhealthy ? "unhealthy"
            : "ready";
        var checks = report.Entries.Select(e => new HealthCheckAnswer(
            e.Key,
            e.Value.Status.ToString().ToLowerInvariant(),
            e.Value.Status == HealthStatus.Healthy ? null : e.Value.Description));
        return Results.Json(new HealthAnswer(status, [.. checks]),
            statusCode: status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks);

    private sealed record HealthCheckAnswer(string Name, string Status, string? Description);
}
