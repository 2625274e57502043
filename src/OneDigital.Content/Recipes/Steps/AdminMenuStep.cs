using System.Text.Json.Nodes;
using OneDigital.Content.Recipes.Stored;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Orchard's <c>AdminMenu</c> step (<c>{ "data": [ { "Id", "Name", "Enabled", "MenuItems": [ LinkAdminNode... ] } ] }</c>):
/// every link's URL is checked (a javascript: or other unsafe link fails the recipe at its JSON path), then the step
/// is kept as given (exported back unchanged) for the admin's navigation (<see cref="RecipeAdminMenus"/>).
/// </summary>
public sealed class AdminMenuStep(StoredRecipeSteps steps) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = [RecipeAdminMenus.StepName];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var menus = context.Array("data");
        for (var i = 0; i < menus.Count; i++)
        {
            if (menus[i] is not JsonObject menu)
            {
                throw context.Fail($"data[{i}]", "An admin menu must be a JSON object.");
            }
            Check(context, RecipeStepContext.Get(menu, "MenuItems"), $"data[{i}].MenuItems");
        }
        await steps.StoreAsync(context.Name, context.Step);
    }

    private static void Check(RecipeStepContext context, JsonNode? nodes, string path)
    {
        if (nodes is null) return;
        if (nodes is not JsonArray array)
        {
            throw context.Fail(path, "Admin menu nodes must be an array.");
        }
        for (var i = 0; i < array.Count; i++)
        {
            var nodePath = $"{path}[{i}]";
            if (array[i] is not JsonObject node)
            {
                throw context.Fail(nodePath, "An admin node must be a JSON object.");
            }
            if (RecipeAdminMenus.IsLink(node))
            {
                var url = Items.JsonValues.NonEmptyString(RecipeStepContext.Get(node, "LinkUrl"));
                if (RecipeAdminMenus.SafeHref(url) is null)
                {
                    throw context.Fail($"{nodePath}.LinkUrl", $"'{url}' is not a link the admin can show: use a site path (/admin/...) or an http(s) URL.");
                }
            }
            Check(context, RecipeStepContext.Get(node, "Items"), $"{nodePath}.Items");
        }
    }
}
