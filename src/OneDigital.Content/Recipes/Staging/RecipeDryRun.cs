using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Staging;

/// <summary>
/// Runs a recipe through the real engine and keeps nothing, so the report says what an import would do (steps,
/// items by type, definitions, warnings) or where it would fail. On SQLite the recipe runs against a private copy of
/// the store (as a staged import does) that is deleted afterwards, so the live store is never written or locked; on
/// PostgreSQL it runs in a live transaction that is always rolled back. Either way its file writes (media) are
/// dropped, and the scope it ran in (its caches and after-commit work) is thrown away with it; process-wide caches
/// keep nothing read inside a transaction.
/// </summary>
public sealed class RecipeDryRun(IServiceProvider services, StoreOptions options)
{
    /// <summary>The report the import would give; a recipe that would fail throws its <see cref="RecipeException"/>.</summary>
    /// <param name="prepareScope">Called on the scope the recipe runs in before it starts (the actor for the audit).</param>
    public async Task<ImportReport> RunAsync(RecipeDescriptor recipe, RecipeParameters parameters, Action<IServiceProvider>? prepareScope = null, CancellationToken ct = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var staging = await StagingDatabase.CreateAsync(options.SqliteConnectionString, options.DataDir, ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ContentDbContext>().Database.SetConnectionString(staging.ConnectionString);
            prepareScope?.Invoke(scope.ServiceProvider);
            var (report, _) = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteDeferringFilesAsync(recipe, parameters, ct);
            return report;
        }
        await using (var scope = services.CreateAsyncScope())
        {
            prepareScope?.Invoke(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            // The executor joins this transaction instead of opening its own, so its commit never happens.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var (report, _) = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteDeferringFilesAsync(recipe, parameters, ct);
                return report;
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }
}
