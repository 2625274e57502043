using System.Text.Json;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Export;

/// <summary>The <c>ContentDefinition</c> step: every type and part, in the shape they are stored in.</summary>
public sealed class ContentDefinitionExportSource(ContentDefinitionStore definitions) : IRecipeExportSource
{
    public string Kind => RecipeExportSelection.Definitions;

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        var document = await definitions.GetAsync(ct);
        writer.WriteStartObject();
        writer.WriteString("name", "ContentDefinition");
        writer.WritePropertyName(nameof(ContentDefinitionDocument.ContentTypes));
        JsonSerializer.Serialize(writer, document.ContentTypes, ContentJson.Compact);
        writer.WritePropertyName(nameof(ContentDefinitionDocument.ContentParts));
        JsonSerializer.Serialize(writer, document.ContentParts, ContentJson.Compact);
        writer.WriteEndObject();
    }
}
