// Why: an index that cannot open used to leave /health saying ready while every search failed; the operator (and a
// load balancer) must see it. /health aggregates every registered IHealthCheck, this one included.
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Reports the indexes this node cannot search (damaged and being rebuilt, or held by another process) with the
/// registration's failure status; healthy when every index it has opened is searchable.
/// </summary>
public sealed class SearchIndexHealthCheck(LuceneIndexes indexes) : IHealthCheck
{
    public const string Name = "search";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = indexes.Problems;
        var data = problems.ToDictionary(p => p.Key, p => (object)p.Value);
        if (problems.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{indexes.OpenNames.Count} index(es) open"));
        }
        var description = string.Join("; ", problems.Select(p => $"index '{p.Key}' cannot be searched: {p.Value}"));
        return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, description, data: data));
    }
}
