using OneDigital.Benchmarks.Seeding;

namespace OneDigital.Benchmarks;

/// <summary>One run of the benchmark: its options, its store, and the content seeded so far (shared by scenarios).</summary>
public sealed class BenchmarkRun(BenchmarkOptions options, BenchmarkStore store, TextWriter log)
{
    private OneDigitalSeeder? _seeder;

    public BenchmarkOptions Options { get; } = options;
    public BenchmarkStore Store { get; } = store;
    public TextWriter Log { get; } = log;

    /// <summary>Items seeded so far by any scenario (not counting the recipe's own content).</summary>
    public int SeededItems => _seeder?.Seeded ?? 0;

    /// <summary>The seeder, created on first use after the setup recipe has been imported.</summary>
    public async Task<OneDigitalSeeder> SeederAsync()
    {
        if (_seeder is null && Store.Reused)
        {
            // The kept store already has the recipe's content and the earlier run's items: seeding goes on after them.
            _seeder = await OneDigitalSeeder.CreateAsync(Store.Services, Options.BatchSize);
            await _seeder.ResumeAsync();
            Log.WriteLine($"reused store: {_seeder.Seeded:N0} seeded items found");
        }
        if (_seeder is null)
        {
            var report = await Store.ImportSetupRecipeAsync();
            Log.WriteLine($"setup recipe: {report.ItemsCreated} items created; steps not implemented: {(report.StepsNotImplemented.Count == 0 ? "none" : string.Join(", ", report.StepsNotImplemented))}");
            _seeder = await OneDigitalSeeder.CreateAsync(Store.Services, Options.BatchSize);
        }
        return _seeder;
    }

    /// <summary>Seeds until the store holds at least <paramref name="items"/> seeded items; for scenarios that read content.</summary>
    public async Task EnsureSeededAsync(int items, CancellationToken ct)
    {
        var seeder = await SeederAsync();
        if (seeder.Seeded < items)
        {
            await seeder.SeedAsync(items - seeder.Seeded, ct);
        }
    }
}
