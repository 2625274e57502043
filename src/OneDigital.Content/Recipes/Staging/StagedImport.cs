using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Staging;

/// <summary>
/// Runs an import without holding the live store's write lock while the recipe runs. SQLite has one writer at a
/// time, so a recipe run in one live transaction (minutes for a large one) blocks every write of the site. Here the
/// recipe runs, in one transaction as always, against a private copy of the store; only its net changes are then
/// written to the live store in one short transaction (<see cref="StagingApplier"/>), after checking that nobody
/// changed the same rows meanwhile. The import stays all-or-nothing and invisible until it completes; a process
/// killed at any point leaves the live store as it was. Media files are written after that commit.
/// PostgreSQL needs none of this: its writers lock rows, not the database, and its transaction already gives the
/// same guarantees, so there the recipe runs in one live transaction.
/// </summary>
public sealed class StagedImport(IServiceProvider services, StoreOptions options)
{
    public Task<StagedImportResult> ImportAsync(RecipeDescriptor recipe, RecipeParameters parameters, CancellationToken ct = default) =>
        ImportAsync(recipe, parameters, null, ct);

    /// <param name="prepareScope">Called on the scope the recipe runs in before it starts (the actor for the audit).</param>
    public async Task<StagedImportResult> ImportAsync(RecipeDescriptor recipe, RecipeParameters parameters, Action<IServiceProvider>? prepareScope, CancellationToken ct = default)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            await using var direct = services.CreateAsyncScope();
            prepareScope?.Invoke(direct.ServiceProvider);
            var report = await direct.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, parameters, ct);
            ReleaseFreedMemory(report);
            return new StagedImportResult(report, null);
        }
        await using var staging = await StagingDatabase.CreateAsync(options.SqliteConnectionString, options.DataDir, ct);
        ImportReport imported;
        IReadOnlyList<Func<Task>> files;
        await using (var scope = services.CreateAsyncScope())
        {
            // Every store service of this scope shares this context, so the whole recipe reads and writes the copy.
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            db.Database.SetConnectionString(staging.ConnectionString);
            await db.Database.OpenConnectionAsync(ct);
            await StagingDatabase.SkipDurabilityAsync(db.Database.GetDbConnection(), ct);
            prepareScope?.Invoke(scope.ServiceProvider);
            (imported, files) = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteDeferringFilesAsync(recipe, parameters, ct);
        }
        var locked = await StagingApplier.ApplyAsync(options.SqliteConnectionString, staging, ct);
        // The copy's commit woke this process's workers and caches before the rows reached the live store: again now.
        services.GetRequiredService<StoreVersions>().Invalidate();
        services.GetService<Indexing.IndexingSignal>()?.Signal();
        services.GetService<Webhooks.WebhookCommitSignal>()?.Signal();
        foreach (var write in files)
        {
            await write();
        }
        ReleaseFreedMemory(imported);
        return new StagedImportResult(imported, locked);
    }

    private static void ReleaseFreedMemory(ImportReport report)
    {
        if (report.ItemsWritten >= FreedNativeMemory.AfterItems) FreedNativeMemory.Release();
    }
}

/// <summary>The import's report, and how long it held the live store's write lock (null: it ran in one live transaction).</summary>
public sealed record StagedImportResult(ImportReport Report, TimeSpan? WriteLockHeld);
