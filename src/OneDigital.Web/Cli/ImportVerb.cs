using OneDigital.Content.Recipes;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Cli;

/// <summary><c>import &lt;recipe.json&gt;</c>: runs the recipe in one transaction and prints its report.</summary>
internal static class ImportVerb
{
    public static async Task RunAsync(IServiceProvider services, string recipePath, SetupRecord setup, HostConsole console, CancellationToken ct)
    {
        var recipe = RecipeDescriptor.Load(Path.GetFullPath(recipePath));
        var report = await services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, new RecipeParameters
        {
            AdminUserId = setup.AdminUserId,
            AdminUsername = setup.AdminUserName,
            SiteName = setup.SiteName,
        }, ct);
        await console.Out.WriteLineAsync($"Imported the recipe '{recipe.Name}' ({recipe.FilePath})");
        await console.Out.WriteLineAsync(report.ToString());
    }
}
