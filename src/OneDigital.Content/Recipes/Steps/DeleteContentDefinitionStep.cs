using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>DeleteContentDefinition: <c>{ "ContentTypes": ["X"], "ContentParts": ["Y"] }</c>.</summary>
public sealed class DeleteContentDefinitionStep(ContentDefinitionStore definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["DeleteContentDefinition"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var types = ReadNames(context, "ContentTypes");
        var parts = ReadNames(context, "ContentParts");
        await definitions.AlterAsync(doc =>
        {
            foreach (var type in types)
            {
                doc.ContentTypes.RemoveAll(t => string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));
            }
            foreach (var part in parts)
            {
                doc.ContentParts.RemoveAll(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
                foreach (var type in doc.ContentTypes)
                {
                    type.Parts.RemoveAll(p => string.Equals(p.PartName, part, StringComparison.OrdinalIgnoreCase));
                }
            }
        });
    }

    private static List<string> ReadNames(RecipeStepContext context, string property)
    {
        var array = context.Array(property);
        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            // Orchard exports write plain names; accept objects with a Name too.
            var name = array[i] switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o => RecipeStepContext.Get(o, "Name")?.GetValue<string>(),
                _ => null,
            };
            names.Add(string.IsNullOrWhiteSpace(name) ? throw context.Fail($"{property}[{i}]", "Expected a name.") : name);
        }
        return names;
    }
}
