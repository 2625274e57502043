using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Items;
using OneDigital.GraphQL.Loading;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Types;

/// <summary>
/// Items kept inside another item (BagPart's <c>contentItems</c>, FlowPart's <c>widgets</c>, a menu's
/// <c>menuItems</c>), and what Orchard adds to the types such items have: FlowPart's per-widget <c>metadata</c> and the
/// <c>MenuItem</c> interface.
/// A nested item is shown when the caller may view its type, as a stored item would be, so a Securable type stays
/// hidden without a permission naming it, a preview token included (it opens its item's draft, not other types). For
/// "own" permissions the owner is that of the top-level item it is kept in, since nested items are written with it.
/// </summary>
internal sealed class NestedItems(SchemaBuildContext schema)
{
    // The top-level item each nested item was read from, however deep: the one whose owner counts for "own" permissions.
    private readonly ConditionalWeakTable<ContentItem, ContentItem> _topLevel = new();
    private ObjectGraphType? _flowMetadata;
    private InterfaceGraphType? _menuItem;

    private SchemaScalars S => schema.Scalars;

    /// <summary>A paged list of the items held in a JSON array of the source part, those the caller may view.</summary>
    public FieldType List(string name, IGraphType itemType, string property, string description)
    {
        var field = Field(name, S.List(itemType), c =>
        {
            var source = (PartSource)c.Source!;
            var topLevel = TopLevel(source.Item);
            var items = Read(source.Json[property], topLevel);
            var skip = Math.Max(0, c.GetArgument<int?>("skip") ?? 0);
            var first = c.GetArgument<int?>("first") ?? 0;
            var user = GraphQLUserContext.From(c);
            return new DeferredResult<List<ContentItem>>(async ct =>
            {
                var visible = (await VisibleAsync(user, topLevel, items, ct)).Skip(skip);
                return first > 0 ? [.. visible.Take(first)] : [.. visible];
            });
        }, description);
        return field.Paged(S);
    }

    /// <summary>Orchard's FlowMetadata of a widget in a FlowPart: its size (a percentage of the width) and alignment.</summary>
    public ObjectGraphType FlowMetadata => _flowMetadata ??= CreateFlowMetadata();

    /// <summary>
    /// Orchard's <c>MenuItem</c> interface, implemented by every type with the MenuItem stereotype: beyond Orchard's
    /// <c>menuItemsList</c>, it has the fields every content item has, so a menu can be read without a fragment per type.
    /// </summary>
    public InterfaceGraphType MenuItem(PartGraphTypes parts)
    {
        if (_menuItem is not null) return _menuItem;
        _menuItem = new InterfaceGraphType
        {
            Name = schema.UniqueTypeName("MenuItem", "Interface"),
            Description = "An item of a menu (LinkMenuItem, ContentMenuItem, HtmlMenuItem...); use fragments for the fields of a type.",
            ResolveType = value => value is ContentItem item ? schema.ObjectTypes.GetValueOrDefault(item.ContentType) : null,
        };
        foreach (var field in ContentItemFields.Create(S))
        {
            field.Resolver = null;
            _menuItem.AddField(field);
        }
        // Set before the part type is built, as that type lists items of this interface.
        var list = parts.For("MenuItemsListPart")!;
        _menuItem.AddField(new FieldType { Name = "menuItemsList", ResolvedType = list, Description = "The menu items nested under this one." });
        return _menuItem;
    }

    /// <summary>Whether the interface has been made (a type or a part of the menus is in the schema).</summary>
    public InterfaceGraphType? MenuItemIfCreated => _menuItem;

    private ObjectGraphType CreateFlowMetadata()
    {
        var alignment = new EnumerationGraphType { Name = schema.UniqueTypeName("FlowAlignment", "Enum"), Description = "The widget alignment." };
        alignment.Add("Left", 0, "Left alignment.");
        alignment.Add("Center", 1, "Center alignment.");
        alignment.Add("Right", 2, "Right alignment.");
        alignment.Add("Justify", 3, "Justify alignment (Orchard's default).");
        var type = new ObjectGraphType { Name = schema.UniqueTypeName("FlowMetadata", "Type"), Description = "How a widget sits in its FlowPart." };
        type.AddField(Field("size", S.Int, c => JsonValues.Number(((JsonObject)c.Source!)["Size"]) is { } n ? (int)n : 100,
            "The widget's width, as a percentage of the flow's (100 when not set)."));
        type.AddField(Field("alignment", alignment, c => Alignment(((JsonObject)c.Source!)["Alignment"]), "The widget's alignment (Justify when not set)."));
        return type;
    }

    // Orchard writes the enum's number; names are read too, as a hand-written recipe may give them.
    private static int Alignment(JsonNode? node)
    {
        if (JsonValues.Number(node) is { } n && n is >= 0 and <= 3) return (int)n;
        return JsonValues.ScalarText(node)?.Trim().ToLowerInvariant() switch
        {
            "left" => 0,
            "center" => 1,
            "right" => 2,
            _ => 3,
        };
    }

    private List<ContentItem> Read(JsonNode? array, ContentItem topLevel)
    {
        var items = new List<ContentItem>();
        foreach (var data in (array as JsonArray ?? []).OfType<JsonObject>())
        {
            var item = new ContentItem(data);
            if (!schema.IsExposed(item)) continue;
            _topLevel.AddOrUpdate(item, topLevel);
            items.Add(item);
        }
        return items;
    }

    private ContentItem TopLevel(ContentItem item) => _topLevel.TryGetValue(item, out var topLevel) ? topLevel : item;

    private static async Task<List<ContentItem>> VisibleAsync(GraphQLUserContext user, ContentItem topLevel, List<ContentItem> items, CancellationToken ct)
    {
        var visible = new List<ContentItem>(items.Count);
        foreach (var item in items)
        {
            var access = await user.Access.ForTypeAsync(item.ContentType, edit: false, ct);
            if (user.Access.Allows(access, item) || user.Access.Allows(access, topLevel)) visible.Add(item);
        }
        return visible;
    }
}
