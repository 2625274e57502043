namespace OneDigital.Benchmarks;

/// <summary>
/// One thing the benchmark measures. A scenario gets the run (options, store, what has been seeded so far) and
/// returns rows for the table; scenarios that need content call <see cref="BenchmarkRun.EnsureSeededAsync"/>.
/// </summary>
public interface IScenario
{
    /// <summary>The name used with <c>--scenario</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct);
}
