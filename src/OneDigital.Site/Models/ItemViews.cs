// Why: the one place a content item becomes what templates see, so "allow-listed values only" is decided here and
// nowhere else, and every page (routes, lists, home, search) shows an item the same way.
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Site.Models;

/// <summary>Builds <see cref="ItemView"/>s from published items. Scoped, like <see cref="ContentQuery"/>.</summary>
public sealed class ItemViews(ContentQuery query, ContentDefinitionStore definitions)
{
    /// <summary>How many of a list's items a detail view carries in <see cref="ItemView.Children"/>.</summary>
    public const int ChildrenShown = 50;

    /// <summary>The item's view with its list's items (when it is a list) and its container (when contained).</summary>
    public async Task<ItemView> DetailAsync(ContentItem item, CancellationToken ct = default)
    {
        var definitionDocument = await definitions.GetAsync(ct);
        IReadOnlyList<ItemView> children = [];
        if (item.Part("ListPart") is not null)
        {
            var lists = await query.GetChildrenAsync([item.ContentItemId], 0, ChildrenShown, ct);
            if (lists.TryGetValue(item.ContentItemId, out var contained))
            {
                children = [.. contained.Select(c => Build(c, definitionDocument))];
            }
        }
        ItemView? container = null;
        if (JsonValues.NonEmptyString(item.Part("ContainedPart")?["ListContentItemId"]) is { } listId
            && await query.GetPublishedAsync(listId, ct) is { } list)
        {
            container = Build(list, definitionDocument);
        }
        return Build(item, definitionDocument, children, container);
    }

    /// <summary>Views of items for a list or a summary, without children or container.</summary>
    public async Task<IReadOnlyList<ItemView>> SummariesAsync(IEnumerable<ContentItem> items, CancellationToken ct = default)
    {
        var definitionDocument = await definitions.GetAsync(ct);
        return [.. items.Select(i => Build(i, definitionDocument))];
    }

    internal static ItemView Build(ContentItem item, ContentDefinitionDocument definitions, IReadOnlyList<ItemView>? children = null, ItemView? container = null) => new()
    {
        Id = item.ContentItemId,
        ContentType = item.ContentType,
        DisplayText = item.DisplayText ?? "",
        Url = UrlOf(item),
        PublishedUtc = item.PublishedUtc,
        ModifiedUtc = item.ModifiedUtc,
        CreatedUtc = item.CreatedUtc,
        Author = item.Author,
        Body = Body(item),
        Fields = Fields(item, definitions),
        Children = children ?? [],
        Container = container,
    };

    /// <summary>The item's site address from its AutoroutePart path, or null.</summary>
    public static string? UrlOf(ContentItem item) =>
        JsonValues.NonEmptyString(item.Part("AutoroutePart")?["Path"]) is { } path ? "/" + path.TrimStart('/') : null;

    private static SafeHtml? Body(ContentItem item)
    {
        // HtmlBodyPart is sanitized on save when its settings ask; it is sanitized again here, as readers see it.
        var html = JsonValues.NonEmptyString(item.Part("MarkdownBodyPart")?["Markdown"]) is { } markdown
            ? MarkdownHtml.Render(markdown)
            : ContentHtml.Sanitize(JsonValues.NonEmptyString(item.Part("HtmlBodyPart")?["Html"]));
        return string.IsNullOrEmpty(html) ? null : new SafeHtml(html);
    }

    private static Dictionary<string, object?> Fields(ContentItem item, ContentDefinitionDocument definitions)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (definitions.Type(item.ContentType) is not { } type)
        {
            return fields;
        }
        // The type's own part first, so its fields win a name both it and another part use.
        foreach (var typePart in type.Parts.OrderBy(p => p.Name == item.ContentType ? 0 : 1))
        {
            if (definitions.Part(typePart.PartName) is not { } part || item.Part(typePart.Name) is not { } partJson)
            {
                continue;
            }
            foreach (var field in part.Fields)
            {
                if (field.Kind is { } kind && partJson[field.Name] is JsonObject fieldJson && !fields.ContainsKey(field.Name))
                {
                    fields[field.Name] = FieldViewValues.Table[kind](fieldJson);
                }
            }
        }
        return fields;
    }
}
