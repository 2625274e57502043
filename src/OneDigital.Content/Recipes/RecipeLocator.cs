using Microsoft.Extensions.Configuration;

namespace OneDigital.Content.Recipes;

/// <summary>
/// Finds recipes by their header <c>name</c>: first beside the recipe being run, then in the app's recipes folder
/// and any folders listed in <c>OneDigital:Recipes:Folders</c>.
/// </summary>
public sealed class RecipeLocator(IConfiguration configuration)
{
    public IEnumerable<string> Folders(string nextTo)
    {
        yield return nextTo;
        yield return Path.Combine(AppContext.BaseDirectory, "recipes");
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
