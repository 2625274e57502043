using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Staging;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Cli;

/// <summary>
/// <c>import &lt;recipe.json&gt;</c>: runs the recipe as one all-or-nothing import and prints its report. On SQLite
/// it runs against a private copy of the store and reaches the live store in one short transaction, so the site
/// keeps writing while a long import runs (<see cref="StagedImport"/>). A long import prints its progress as it goes
/// (<see cref="ImportProgressLine"/>).
/// </summary>
internal static class ImportVerb
{
    public static async Task RunAsync(IServiceProvider services, string recipePath, SetupRecord setup, HostConsole console, CancellationToken ct)
    {
        var recipe = RecipeDescriptor.Load(Path.GetFullPath(recipePath));
        var progress = new ImportProgressLine(console.Out, recipe.ContentItemCount());
        var report = new ImportReport { Progress = progress.Print };
        var result = await services.GetRequiredService<StagedImport>().ImportAsync(recipe, new RecipeParameters
        {
            AdminUserId = setup.AdminUserId,
            AdminUsername = setup.AdminUserName,
            SiteName = setup.SiteName,
        }, scope => scope.GetRequiredService<RecipeExecutor>().ReportTo = report, ct);
        await console.Out.WriteLineAsync($"Imported the recipe '{recipe.Name}' ({recipe.FilePath})");
        await console.Out.WriteLineAsync(result.Report.ToString());
        if (result.WriteLockHeld is { } held)
        {
            await console.Out.WriteLineAsync($"the store's write lock was held for {held.TotalMilliseconds:0} ms");
        }
    }
}
