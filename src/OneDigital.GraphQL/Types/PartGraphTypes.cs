using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.GraphQL.Loading;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Types;

/// <summary>
/// The GraphQL types of parts: Orchard's built-in parts by their known shapes, and parts defined only by their
/// fields as one type per part definition with a field per content field.
/// </summary>
internal sealed class PartGraphTypes(SchemaBuildContext schema, FieldGraphTypes fieldTypes, NestedItems nested)
{
    private readonly Dictionary<string, ObjectGraphType?> _types = new(StringComparer.Ordinal);
    private SchemaScalars S => schema.Scalars;

    /// <summary>Built-in parts whose shape the schema knows.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "TitlePart", "AutoroutePart", "AliasPart", "HtmlBodyPart", "MarkdownBodyPart", "ListPart", "ContainedPart", "TaxonomyPart",
        "PublishLaterPart", "BagPart", "FlowPart", "MenuItemsListPart", "LinkMenuItemPart", "ContentMenuItemPart", "HtmlMenuItemPart",
        "LocalizationPart",
    };

    /// <summary>The type of a part definition, or null when it has nothing to show.</summary>
    public ObjectGraphType? For(string partName)
    {
        if (!_types.TryGetValue(partName, out var type))
        {
            type = BuiltIn.Contains(partName) ? CreateBuiltIn(partName) : CreateDynamic(partName);
            _types[partName] = type;
        }
        return type;
    }

    /// <summary>The fields of a part's content fields, for a dynamic part type or a type's collapsed own part.</summary>
    public IEnumerable<FieldType> ContentFields(ContentPartDefinition part, Func<object?, ContentItem> item, Func<object?, JsonObject?> partJson)
    {
        foreach (var field in part.Fields)
        {
            if (field.Kind is not { } kind || fieldTypes.For(kind) is not { } type) continue;
            var name = GraphQLNames.Field(field.Name);
            if (!GraphQLNames.IsValid(name)) continue;
            var definition = field;
            var settings = field.GetSettings<ContentPartFieldSettings>();
            yield return Field(name, type,
                c => new FieldSource(item(c.Source), partJson(c.Source)?[definition.Name] as JsonObject ?? [], definition),
                settings.Description ?? settings.DisplayName ?? $"The {definition.Name} field ({definition.FieldName}).");
        }
    }

    private ObjectGraphType? CreateDynamic(string partName)
    {
        if (schema.Definitions.Part(partName) is not { Fields.Count: > 0 } part) return null;
        var type = new ObjectGraphType
        {
            Name = schema.UniqueTypeName(partName, "Part"),
            Description = part.Settings["ContentPartSettings"]?["Description"]?.ToString() ?? $"The fields of the {partName} part.",
        };
        foreach (var field in ContentFields(part, s => ((PartSource)s!).Item, s => ((PartSource)s!).Json))
        {
            if (type.GetField(field.Name) is null) type.AddField(field);
        }
        return type.Fields.Count > 0 ? type : null;
    }

    private ObjectGraphType CreateBuiltIn(string partName)
    {
        var type = new ObjectGraphType { Name = schema.UniqueTypeName(partName, "Type") };
        // Known before its fields are added: a menu's item list and the MenuItem interface refer to each other.
        _types[partName] = type;
        switch (partName)
        {
            case "TitlePart":
                type.Description = "The item's title.";
                type.AddField(Field("title", S.String, c => Str(c, "Title"), "The title."));
                break;
            case "AutoroutePart":
                type.Description = "The item's address on the site.";
                type.AddField(Field("path", S.String, c => Str(c, "Path"), "The path, without a leading slash."));
                break;
            case "AliasPart":
                type.Description = "The item's alias, a stable name to find it by.";
                type.AddField(Field("alias", S.String, c => Str(c, "Alias"), "The alias."));
                break;
            case "HtmlBodyPart":
                type.Description = "An HTML body.";
                type.AddField(Field("html", S.String, c => SanitizesHtmlBody((PartSource)c.Source!) ? ContentHtml.Sanitize(Str(c, "Html")) : Str(c, "Html"),
                    "The HTML, sanitized unless the type's HtmlBodyPart SanitizeHtml setting is off."));
                break;
            case "MarkdownBodyPart":
                type.Description = "A markdown body.";
                type.AddField(Field("markdown", S.String, c => Str(c, "Markdown"), "The markdown source."));
                type.AddField(Field("html", S.String, c => MarkdownHtml.Render(Str(c, "Markdown")), "The markdown rendered as sanitized HTML."));
                break;
            case "ListPart":
                type.Description = "A list of contained items.";
                type.AddField(AsyncListChildren());
                break;
            case "ContainedPart":
                type.Description = "The list that contains the item.";
                type.AddField(Field("listContentItemId", S.String, c => Str(c, "ListContentItemId"), "The id of the containing list item."));
                type.AddField(Field("listContentItem", schema.ContentItem, c =>
                {
                    if (Str(c, "ListContentItemId") is not { Length: > 0 } id) return null;
                    var user = GraphQLUserContext.From(c);
                    var container = user.Loaders.Published.Load(id);
                    return new DeferredResult<ContentItem?>(async ct => (await schema.ViewableAsync(user, [await container.GetResultAsync(ct)], ct)).FirstOrDefault());
                }, "The published containing list item."));
                type.AddField(Field("order", S.Int, c => JsonValues.Number(Json(c)["Order"]) is { } n ? (int)n : null, "The item's position in the list."));
                break;
            case "TaxonomyPart":
                type.Description = "A taxonomy: its terms are content items kept inside it.";
                type.AddField(Field("termContentType", S.String, c => Str(c, "TermContentType"), "The content type of the terms."));
                type.AddField(Field("contentItems", S.List(schema.ContentItem),
                    c => c.Page(FieldGraphTypes.Terms(((PartSource)c.Source!).Item).Where(schema.IsExposed)), "The terms, nested ones included.").Paged(S));
                break;
            case "PublishLaterPart":
                type.Description = "When the item will be published.";
                type.AddField(Field("scheduledPublishUtc", S.DateTime, c => JsonValues.UtcDateTime(Json(c)["ScheduledPublishUtc"]), "The scheduled time."));
                break;
            case "BagPart":
                type.Description = "Items kept inside this item.";
                type.AddField(nested.List("contentItems", schema.ContentItem, "ContentItems", "The contained items the caller may view."));
                break;
            case "FlowPart":
                type.Description = "Widgets kept inside this item.";
                type.AddField(nested.List("widgets", schema.ContentItem, "Widgets", "The widgets the caller may view; each has its flow metadata."));
                break;
            case "MenuItemsListPart":
                type.Description = "The items of a menu, or those nested under a menu item.";
                type.AddField(nested.List("menuItems", nested.MenuItem(this), "MenuItems", "The menu items the caller may view, in menu order."));
                break;
            case "LinkMenuItemPart":
                type.Description = "A menu item that links to an address.";
                type.AddField(Field("name", S.String, c => Str(c, "Name") ?? ((PartSource)c.Source!).Item.DisplayText, "The link's text (Orchard keeps it as the item's displayText now)."));
                type.AddField(Field("url", S.String, c => Str(c, "Url"), "The address (~/ for the site's root)."));
                type.AddField(Field("target", S.String, c => Str(c, "Target"), "Where to open the link (_blank...)."));
                break;
            case "HtmlMenuItemPart":
                type.Description = "A menu item whose text is HTML.";
                type.AddField(Field("url", S.String, c => Str(c, "Url"), "The address (~/ for the site's root)."));
                type.AddField(Field("target", S.String, c => Str(c, "Target"), "Where to open the link (_blank...)."));
                type.AddField(Field("html", S.String, c => ContentHtml.Sanitize(Str(c, "Html")), "The link's HTML, sanitized."));
                break;
            case "ContentMenuItemPart":
                type.Description = "A menu item that links to a content item.";
                type.AddField(Field("name", S.String, c => Str(c, "Name") ?? ((PartSource)c.Source!).Item.DisplayText, "The link's text (Orchard keeps it as the item's displayText now)."));
                if (fieldTypes.For(FieldKind.ContentPicker) is { } picker)
                {
                    type.AddField(Field("selectedContentItem", picker,
                        c => new FieldSource(((PartSource)c.Source!).Item, Json(c)["SelectedContentItem"] as JsonObject ?? [], SelectedContentItem),
                        "The content item the menu item links to."));
                }
                break;
            case "LocalizationPart":
                type.Description = "The item's culture and the set of its translations.";
                type.AddField(Field("culture", S.String, c => Str(c, "Culture"), "The culture of the item (cy-GB, en-GB...)."));
                type.AddField(Field("localizationSet", S.String, c => Str(c, "LocalizationSet"), "The id shared by the item and its translations."));
                type.AddField(Localizations());
                break;
        }
        return type;
    }

    /// <summary>
    /// Whether the item's type sanitizes this HtmlBodyPart (Orchard's default): the setting is on the type's part, and
    /// the part type is shared by every content type, so it is looked up from the item being resolved.
    /// </summary>
    private bool SanitizesHtmlBody(PartSource source)
    {
        var type = schema.Definitions.Type(source.Item.ContentType);
        var typePart = type?.Parts.Find(p => p.PartName == "HtmlBodyPart" && ReferenceEquals(source.Item.Part(p.Name), source.Json));
        return typePart?.GetSettings<HtmlBodyPartSettings>().SanitizeHtml ?? true;
    }

    private FieldType AsyncListChildren()
    {
        var field = Field("contentItems", S.List(schema.ContentItem), c =>
        {
            var first = c.GetArgument<int?>("first") is > 0 and var f ? f : 10;
            var skip = Math.Max(0, c.GetArgument<int?>("skip") ?? 0);
            var user = GraphQLUserContext.From(c);
            var children = user.Loaders.Children(first, skip).Load(((PartSource)c.Source!).Item.ContentItemId);
            return new DeferredResult<List<ContentItem>>(async ct => await schema.ViewableAsync(user, await children.GetResultAsync(ct) ?? [], ct));
        }, "The published items in the list, in list order, that the caller may view.");
        return field.Paged(S, defaultFirst: 10);
    }

    /// <summary>As Orchard: the published items of the set (the item itself included) the caller may view, optionally of one culture.</summary>
    private FieldType Localizations()
    {
        var field = Field("localizations", S.List(schema.ContentItem), c =>
        {
            if (Str(c, "LocalizationSet") is not { Length: > 0 } set) return new List<ContentItem>();
            var user = GraphQLUserContext.From(c);
            // Batched: a page of items asks for all its sets in one query.
            var items = user.Loaders.Localizations(c.GetArgument<string?>("culture") is { Length: > 0 } culture ? culture : null).Load(set);
            return new DeferredResult<List<ContentItem>>(async ct => await schema.ViewableAsync(user, await items.GetResultAsync(ct) ?? [], ct));
        }, "The published items of the item's localization set (itself included) that the caller may view.");
        field.Arguments = new QueryArguments(Argument("culture", S.String, "Only the item of this culture."));
        return field;
    }

    /// <summary>Items whose LocalizationPart has this culture; the culture names compare as stored (Orchard's are as the settings list them).</summary>
    public static ContentFilter CultureFilter(string culture) =>
        new ContentFilter.Field("LocalizationPart", "Culture", FieldValueKind.Text, FilterOperator.Equal, culture);

    // The field Orchard's menu recipe gives ContentMenuItemPart; the part is shaped here, so the definition is too.
    private static readonly ContentPartFieldDefinition SelectedContentItem = new() { Name = "SelectedContentItem", FieldName = "ContentPickerField" };

    private static JsonObject Json(IResolveFieldContext c) => ((PartSource)c.Source!).Json;

    private static string? Str(IResolveFieldContext c, string property) => JsonValues.ScalarText(Json(c)[property]);
}
