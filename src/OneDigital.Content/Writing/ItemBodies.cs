using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;

namespace OneDigital.Content.Writing;

/// <summary>A body of an item the writing checks read: where it is in the item's JSON (<c>MarkdownBodyPart.Markdown</c>,
/// <c>BagPart.ContentItems[0].HtmlBodyPart.Html</c>), whether it is markdown, and whether readers get it sanitized.</summary>
public sealed record ItemBody(string Path, bool IsMarkdown, bool Sanitized, string Text)
{
    public WritingReport Check(PlainEnglishList words) =>
        IsMarkdown ? WritingChecks.CheckMarkdown(Text, words)
        : Sanitized ? WritingChecks.CheckHtml(Text, words)
        : WritingChecks.CheckRendered(Text, words);
}

/// <summary>The markdown and HTML bodies of an item (MarkdownBodyPart, HtmlBodyPart, markdown and HTML fields), and
/// of the items kept inside it (BagPart, FlowPart), in the type's part order.</summary>
public static class ItemBodies
{
    private static readonly Dictionary<string, string> NestedItems = new(StringComparer.Ordinal)
    {
        ["BagPart"] = "ContentItems",
        ["FlowPart"] = "Widgets",
    };

    private const int MaxNesting = 8;

    public static IReadOnlyList<ItemBody> Of(ContentItem item, ContentDefinitionDocument definitions)
    {
        var bodies = new List<ItemBody>();
        if (definitions.Type(item.ContentType) is { } type) Collect(item.Data, type, definitions, "", 0, bodies);
        return bodies;
    }

    /// <summary>Each body's report, with its path.</summary>
    public static IReadOnlyList<(ItemBody Body, WritingReport Report)> Check(ContentItem item, ContentDefinitionDocument definitions, PlainEnglishList words) =>
        Of(item, definitions).Select(b => (b, b.Check(words))).ToArray();

    private static void Collect(JsonObject item, ContentTypeDefinition type, ContentDefinitionDocument definitions, string prefix, int depth, List<ItemBody> bodies)
    {
        foreach (var typePart in type.Parts)
        {
            if (item[typePart.Name] is not JsonObject part) continue;
            var at = prefix + typePart.Name + ".";
            if (typePart.PartName == "MarkdownBodyPart" && Text(part, "Markdown") is { } markdown)
            {
                bodies.Add(new ItemBody(at + "Markdown", true, true, markdown));
            }
            if (typePart.PartName == "HtmlBodyPart" && Text(part, "Html") is { } html)
            {
                bodies.Add(new ItemBody(at + "Html", false, typePart.GetSettings<HtmlBodyPartSettings>().SanitizeHtml, html));
            }
            foreach (var field in definitions.Part(typePart.PartName)?.Fields ?? [])
            {
                if (part[field.Name] is not JsonObject value) continue;
                if (field.Kind == FieldKind.Markdown && Text(value, "Markdown") is { } fieldMarkdown)
                {
                    bodies.Add(new ItemBody(at + field.Name + ".Markdown", true, true, fieldMarkdown));
                }
                if (field.Kind == FieldKind.Html && Text(value, "Html") is { } fieldHtml)
                {
                    bodies.Add(new ItemBody(at + field.Name + ".Html", false, field.GetSettings<HtmlFieldSettings>().SanitizeHtml, fieldHtml));
                }
            }
            if (depth < MaxNesting && NestedItems.TryGetValue(typePart.PartName, out var property) && part[property] is JsonArray children)
            {
                for (var i = 0; i < children.Count; i++)
                {
                    if (children[i] is JsonObject child && child["ContentType"] is JsonValue t && t.TryGetValue(out string? childType)
                        && definitions.Type(childType) is { } childDefinition)
                    {
                        Collect(child, childDefinition, definitions, $"{at}{property}[{i}].", depth + 1, bodies);
                    }
                }
            }
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
