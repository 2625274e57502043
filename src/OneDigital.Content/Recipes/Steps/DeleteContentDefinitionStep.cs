using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>DeleteContentDefinition: <c>{ "ContentTypes": ["X"], "ContentParts": ["Y"] }</c>.</summary>
public sealed class DeleteContentDefinitionStep(ContentDefinitionStore definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["DeleteContentDefinition"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var types = context.Names("ContentTypes");
        var parts = context.Names("ContentParts");
        await definitions.AlterAsync(doc =>
        {
            types.ForEach(doc.RemoveType);
            parts.ForEach(doc.RemovePart);
        });
    }
}
