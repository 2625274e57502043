// Why: Bag and Flow parts hold whole content items in Orchard's shape (ContentItemId, ContentType, their parts). Each
// is edited with the same part and field editors as the item itself, its inputs under its position's prefix; items
// are matched to the stored ones by id, so what their editors do not show is kept, and a new one gets a new id. Only
// the types the part allows may be added. Items nested deeper than MaxDepth are shown as kept, not edited.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Nested;

/// <summary>The editor of a part whose <paramref name="property"/> is an array of items of the <paramref name="allowed"/> types.</summary>
internal sealed class NestedItemsPartEditor(string property, Func<EditorPart, IEnumerable<ContentTypeDefinition>> allowed) : IPartEditor
{
    /// <summary>Items inside items inside items are edited; deeper ones are saved as they are.</summary>
    public const int MaxDepth = 3;

    public static readonly NestedItemsPartEditor Bag = new("ContentItems", part =>
    {
        var settings = part.Settings<BagPartSettings>();
        return part.Services.Definitions.ContentTypes.Where(t => settings.ContainedContentTypes.Contains(t.Name, StringComparer.Ordinal)
            || t.TypeSettings.Stereotype is { } stereotype && settings.ContainedStereotypes.Contains(stereotype, StringComparer.Ordinal));
    });

    public static readonly NestedItemsPartEditor Flow = new("Widgets", part =>
    {
        var named = part.Settings<FlowPartSettings>().ContainedContentTypes;
        return part.Services.Definitions.ContentTypes.Where(t => named.Length > 0
            ? named.Contains(t.Name, StringComparer.Ordinal)
            : string.Equals(t.TypeSettings.Stereotype, "Widget", StringComparison.Ordinal));
    });

    public string? MainInput(EditorPart part) => List(part);

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var list = List(part);
        if (part.Depth >= MaxDepth)
        {
            return item.Part(part.Name)?[property] is JsonArray { Count: > 0 }
                ? [new InfoField(list, Label(part)) { Text = "Items nested this deep cannot be edited here; they are saved as they are." }]
                : [];
        }
        var views = new List<NestedItemView>();
        var stored = (item.Part(part.Name)?[property] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < stored.Count; i++)
        {
            var nested = new ContentItem(stored[i]);
            var prefix = NestedItemsPost.ItemPrefix(list, i);
            var type = part.Services.Definitions.Type(nested.ContentType);
            IReadOnlyList<FormSection> sections = type is null
                ? [new FormSection(null, null, [new InfoField(prefix + "ContentType", "Type not defined") { Text = $"Its type, '{nested.ContentType}', is not defined, so it cannot be edited here; it is saved as it is." }])]
                : await part.NestedForm(type, prefix).RenderAsync(nested);
            views.Add(new NestedItemView(i, prefix, nested.ContentItemId, nested.ContentType, type?.DisplayName ?? nested.ContentType, sections));
        }
        return
        [
            new NestedItemsField(list, Label(part))
            {
                Hint = part.Settings<ContentTypePartSettings>().Description,
                Items = views,
                HeadingLevel = Math.Min(2 + 2 * part.Depth, 5),
                AddTypes = [.. allowed(part).Select(t => new Choice(t.Name, t.DisplayName ?? t.Name))],
            },
        ];
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
        var list = List(part);
        // A post without the list (a form from before the part was added) leaves its items as stored.
        if (part.Depth >= MaxDepth || !form.ContainsKey(NestedItemsPost.ShownName(list))) return;
        var storedArray = json[property] as JsonArray;
        var stored = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var child in storedArray?.OfType<JsonObject>() ?? [])
        {
            stored.TryAdd(new ContentItem(child).ContentItemId, child);
        }
        storedArray?.Clear();
        var allowedTypes = allowed(part).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var items = new JsonArray();
        for (var i = 0; i < NestedItemsPost.Count(form, list); i++)
        {
            // Each stored item once: a second post of the same id is a new item.
            if (!stored.Remove(FormValues.Text(form, NestedItemsPost.IdName(list, i)) ?? "", out var child))
            {
                var typeName = FormValues.Text(form, NestedItemsPost.TypeName(list, i)) ?? "";
                if (!allowedTypes.ContainsKey(typeName))
                {
                    // Kept in its place so the form shows again as posted; the error keeps it from being saved.
                    part.AddError(list, $"{Label(part)} cannot hold an item of type '{typeName}'. Remove item {i + 1}.");
                }
                child = NewItem(typeName, allowedTypes.GetValueOrDefault(typeName));
            }
            var nested = new ContentItem(child);
            if (part.Services.Definitions.Type(nested.ContentType) is { } type)
            {
                part.NestedForm(type, NestedItemsPost.ItemPrefix(list, i)).Read(nested, form);
                // Orchard names a nested item by its title, as it does an item.
                if (type.HasPart("TitlePart") && nested.Part("TitlePart")?["Title"] is JsonValue title) nested.DisplayText = title.ToString();
            }
            items.Add(child);
        }
        json[property] = items;
    }

    private string List(EditorPart part) => $"{part.Input}.{property}";

    private static string Label(EditorPart part) =>
        part.Settings<ContentTypePartSettings>().DisplayName is { Length: > 0 } name ? name : part.Name;

    /// <summary>A new nested item: no version of its own, every part of its type.</summary>
    private static JsonObject NewItem(string typeName, ContentTypeDefinition? type) =>
        ContentItem.New(typeName, type?.Parts.Select(p => p.Name) ?? [], versioned: false).Data;
}
