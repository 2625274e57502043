using OneDigital.Benchmarks;
using OneDigital.Benchmarks.Scenarios;

// Later issues add their scenarios here; they run in this order.
IScenario[] scenarios =
[
    new SeedScenario(),
    new RebuildScenario(),
    new GraphQLScenario(),
    new LuceneQueryScenario(),
    new MixedLoadScenario(),
    new AdminListScenario(),
    new PeerScenario(),
    new PeerRebuildScenario(),
    new SiteScenario(),
    new MediaScenario(),
];

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}
if (options.ListOnly)
{
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"{scenario.Name,-20} {scenario.Description}");
    }
    return 0;
}
var unknown = options.Scenarios.Where(n => !scenarios.Any(s => s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", scenarios.Select(s => s.Name))}.");
    return 2;
}
var selected = options.Scenarios.Count == 0
    ? scenarios
    : scenarios.Where(s => options.Scenarios.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToArray();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

await using var store = await BenchmarkStore.CreateAsync(options);
Console.WriteLine($"store: {options.Provider} at {store.Location}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; "
    + $"dynamic PGO {AppContext.GetData("System.Runtime.TieredPGO") ?? "default"}, "
    + $"tiering delay {AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") ?? "default"} ms, "
    + $"{(System.Runtime.GCSettings.IsServerGC ? "Server" : "workstation")} GC");
var run = new BenchmarkRun(options, store, Console.Out);
var rows = new List<ResultRow>();
foreach (var scenario in selected)
{
    Console.WriteLine($"scenario {scenario.Name}: {scenario.Description}");
    rows.AddRange(await scenario.RunAsync(run, cancel.Token));
}
Console.WriteLine();
Console.Write(ResultTable.Format(rows));
if (options.Keep)
{
    Console.WriteLine($"store kept: {store.Location}");
}
return 0;
