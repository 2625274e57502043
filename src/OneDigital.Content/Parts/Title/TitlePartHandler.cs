using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;

namespace OneDigital.Content.Parts.Title;

/// <summary>The title is the item's DisplayText; a type can generate it from a Liquid pattern or require it.</summary>
public sealed class TitlePartHandler(LiquidRenderer liquid) : IContentPartHandler
{
    private const int Editable = 0, EditableRequired = 3;

    public async Task SavingAsync(ContentSaveContext context)
    {
        var typePart = context.Type.Parts.Find(p => p.PartName == "TitlePart");
        if (typePart is null)
        {
            return;
        }
        var part = context.Item.GetOrCreatePart(typePart.Name);
        var settings = typePart.GetSettings<TitlePartSettings>();
        if (settings.Options != Editable && settings.Options != EditableRequired && !string.IsNullOrWhiteSpace(settings.Pattern))
        {
            var title = await liquid.RenderForItemAsync(settings.Pattern, context.Item, context.Manager);
            part["Title"] = title.Trim();
        }
        var text = JsonValues.NonEmptyString(part["Title"])?.Trim();
        if (settings.Options == EditableRequired && string.IsNullOrEmpty(text))
        {
            context.AddError(typePart.Name, "Title", "A value is required for Title.");
        }
        if (text is not null)
        {
            part["Title"] = JsonValue.Create(text);
            context.Item.DisplayText = text;
        }
    }
}
