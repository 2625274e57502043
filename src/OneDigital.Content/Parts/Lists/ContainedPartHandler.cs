using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Content.Parts.Lists;

/// <summary>An item added to a list without a position goes to the end of the list; its container must exist.</summary>
public sealed class ContainedPartHandler(ContentQuery query) : IContentPartHandler
{
    public async Task SavingAsync(ContentSaveContext context)
    {
        if (context.Item.Part("ContainedPart") is not JsonObject part || JsonValues.NonEmptyString(part["ListContentItemId"]) is not { } listId)
        {
            return;
        }
        if (part["Order"] is JsonValue)
        {
            return;
        }
        var max = await query.LastOrderInListAsync(listId, context.Item.ContentItemId);
        part["Order"] = max is null ? 0 : (int)max.Value + 1;
    }
}
