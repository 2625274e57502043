using Microsoft.Extensions.Configuration;

namespace OneDigital.Content.Recipes;

/// <summary>
/// Finds recipes by their header <c>name</c>: first beside the recipe being run, then among the recipes the app ships
/// (its recipes folder and the setup recipe's folder) and in any folders listed in <c>OneDigital:Recipes:Folders</c>.
/// </summary>
public sealed class RecipeLocator(IConfiguration configuration)
{
    public IEnumerable<string> Folders(string nextTo)
    {
        yield return nextTo;
        yield return Path.Combine(AppContext.BaseDirectory, "recipes");
        // The recipes the project ships sit beside the setup recipe, wherever OneDigital:Setup:Recipe points.
        if (configuration["OneDigital:Setup:Recipe"] is { Length: > 0 } setup && Path.GetDirectoryName(Path.GetFullPath(setup)) is { } setupFolder)
        {
            yield return setupFolder;
        }
        foreach (var folder in configuration.GetSection("OneDigital:Recipes:Folders").GetChildren().Select(c => c.Value).OfType<string>())
        {
            yield return Path.GetFullPath(folder);
        }
    }

    public RecipeDescriptor? Find(string name, string nextTo)
    {
        foreach (var folder in Folders(nextTo).Distinct().Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.recipe.json").Order())
            {
                RecipeDescriptor recipe;
                try
                {
                    recipe = RecipeDescriptor.Load(file);
                }
                catch (RecipeException)
                {
                    continue;
                }
                if (recipe.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return recipe;
                }
            }
        }
        return null;
    }
}
