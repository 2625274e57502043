using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Health;

public static class HealthEndpoints
{
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
            .AddCheck<StoreIdentityHealthCheck>("store-identity")
            .AddCheck<StoreReadHealthCheck>("store-read")
            .AddCheck<StoreWriteHealthCheck>("store-write");
        return services;
    }

    private static async Task<IResult> CheckAsync(SetupState setup, HealthCheckService health, CancellationToken ct)
    {
        if (!setup.IsReady)
        {
            // Nothing else is checked before setup is done: there may be no store yet, and a check failing on that
            // would log an error on every poll of a clean first start.
            var what = setup.Failed ? "setup failed" : "setting up";
            var detail = setup.Failed ? $"setup failed: {setup.Completion.Exception?.InnerException?.Message}" : "setting up";
            return Answer(what, [new HealthCheckAnswer("setup", "unhealthy", detail)]);
        }
        var report = await health.CheckHealthAsync(ct);
        var checks = report.Entries.Select(e => new HealthCheckAnswer(
            e.Key,
            e.Value.Status.ToString().ToLowerInvariant(),
            e.Value.Status == HealthStatus.Healthy ? null : e.Value.Description));
        return Answer(report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ready", [new HealthCheckAnswer("setup", "healthy", null), .. checks]);
    }

    private static IResult Answer(string status, IReadOnlyList<HealthCheckAnswer> checks) =>
        Results.Json(new HealthAnswer(status, checks),
            statusCode: status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);

    private sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks);

    private sealed record HealthCheckAnswer(string Name, string Status, string? Description);
}
