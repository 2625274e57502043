using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;

namespace OneDigital.Content.Html;

// Sanitizing on save means the stored item is already safe, so REST answers, exports and search snippets carry no
// script whichever way they read it. Orchard's SanitizeHtml setting (on by default) lets a type or field keep raw HTML.

/// <summary>
/// Sanitizes <c>HtmlBodyPart.Html</c> and every <c>HtmlField.Html</c> of an item before it is written, and of the items
/// kept inside it (BagPart, FlowPart widgets), unless their <c>HtmlBodyPartSettings</c> or <c>HtmlFieldSettings</c>
/// say <c>SanitizeHtml: false</c>.
/// </summary>
public sealed class HtmlSanitizingHandler : IContentPartHandler
{
    /// <summary>Parts that keep whole items, and the property holding them.</summary>
    private static readonly Dictionary<string, string> NestedItems = new(StringComparer.Ordinal)
    {
        ["BagPart"] = "ContentItems",
        ["FlowPart"] = "Widgets",
    };

    /// <summary>How deep items inside items are followed; deeper ones are left to the output sanitizing.</summary>
    private const int MaxNesting = 8;

    public Task SavingAsync(ContentSaveContext context)
    {
        Sanitize(context.Item.Data, context.Type, context.Definitions, 0);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The same, for an item on its way out (the Contents API): one stored before sanitizing on save, or written to
    /// the store by other means, is served safe too.
    /// </summary>
    public static void Sanitize(ContentItem item, ContentDefinitionDocument definitions)
    {
        if (definitions.Type(item.ContentType) is { } type)
        {
            Sanitize(item.Data, type, definitions, 0);
        }
    }

    private static void Sanitize(JsonObject item, ContentTypeDefinition type, ContentDefinitionDocument definitions, int depth)
    {
        foreach (var typePart in type.Parts)
        {
            if (item[typePart.Name] is not JsonObject part)
            {
                continue;
            }
            if (typePart.PartName == "HtmlBodyPart" && typePart.GetSettings<HtmlBodyPartSettings>().SanitizeHtml)
            {
                SanitizeProperty(part, "Html");
            }
            foreach (var field in definitions.Part(typePart.PartName)?.Fields ?? [])
            {
                if (field.Kind == FieldKind.Html && field.GetSettings<HtmlFieldSettings>().SanitizeHtml && part[field.Name] is JsonObject value)
                {
                    SanitizeProperty(value, "Html");
                }
            }
            if (depth < MaxNesting && NestedItems.TryGetValue(typePart.PartName, out var property) && part[property] is JsonArray children)
            {
                foreach (var child in children.OfType<JsonObject>())
                {
                    if (child["ContentType"] is JsonValue t && t.TryGetValue(out string? childType) && definitions.Type(childType) is { } childDefinition)
                    {
                        Sanitize(child, childDefinition, definitions, depth + 1);
                    }
                }
            }
        }
    }

    private static void SanitizeProperty(JsonObject json, string name)
    {
        if (json[name] is JsonValue value && value.TryGetValue(out string? html))
        {
            var clean = ContentHtml.Sanitize(html);
            if (!string.Equals(clean, html, StringComparison.Ordinal))
            {
                json[name] = clean;
            }
        }
    }
}
