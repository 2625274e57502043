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
            foreach (var type in types.Where(t => doc.Type(t) is not null)) context.Report.DefinitionsChanged.Add($"content type '{type}' removed");
            foreach (var part in parts.Where(p => doc.Part(p) is not null)) context.Report.DefinitionsChanged.Add($"content part '{part}' removed");
            types.ForEach(doc.RemoveType);
            parts.ForEach(doc.RemovePart);
        });
    }
}
