// Why: a taxonomy's terms and a menu's items are content items nested inside one item's JSON, as Orchard keeps them
// (TaxonomyPart.Terms with each term's own "Terms"; MenuItemsListPart.MenuItems with each menu item's own
// MenuItemsListPart). Every change the tree page makes (move, nest, rename, add, remove, a dragged order) is an edit
// of those arrays in place, so the item keeps Orchard's shape and everything else in it untouched.
using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Trees;

/// <summary>Which kind of tree an item holds, and where its nodes' children live.</summary>
public sealed record TreeShape(string Kind, string NodeName, string NodesName)
{
    public static readonly TreeShape Taxonomy = new("taxonomy", "term", "terms");
    public static readonly TreeShape Menu = new("menu", "menu item", "menu items");

    /// <summary>The shape of the item's tree, or null when it holds none (not a taxonomy or a menu).</summary>
    public static TreeShape? Of(ContentItem item) =>
        item.Part("TaxonomyPart") is not null ? Taxonomy : item.Part("MenuItemsListPart") is not null ? Menu : null;

    public bool IsTaxonomy => ReferenceEquals(this, Taxonomy);

    /// <summary>The top-level array, created when absent.</summary>
    public JsonArray Roots(ContentItem item) => IsTaxonomy
        ? ArrayIn(item.GetOrCreatePart("TaxonomyPart"), "Terms")
        : ArrayIn(item.GetOrCreatePart("MenuItemsListPart"), "MenuItems");

    /// <summary>A node's children, or null when it has none yet.</summary>
    public JsonArray? ChildrenOf(JsonObject node) => IsTaxonomy
        ? node["Terms"] as JsonArray
        : node["MenuItemsListPart"]?["MenuItems"] as JsonArray;

    /// <summary>A node's children array, created when absent.</summary>
    public JsonArray ChildrenArray(JsonObject node)
    {
        if (IsTaxonomy) return ArrayIn(node, "Terms");
        if (node["MenuItemsListPart"] is not JsonObject part) node["MenuItemsListPart"] = part = [];
        return ArrayIn(part, "MenuItems");
    }

    private static JsonArray ArrayIn(JsonObject owner, string name)
    {
        if (owner[name] is not JsonArray array) owner[name] = array = [];
        return array;
    }
}

/// <summary>One node as the page shows it: depth first, with what its buttons need.</summary>
public sealed record TreeNode(string Id, string Title, string ContentType, int Depth, string? ParentId, string? ParentTitle,
    string? PreviousSiblingTitle, bool IsLast, string? Url, int ChildCount);

/// <summary>The tree of one taxonomy or menu item, changed in place.</summary>
public sealed class ItemTree(ContentItem item, TreeShape shape)
{
    public ContentItem Item => item;

    public TreeShape Shape => shape;

    /// <summary>Every node, depth first (a parent before its children), as the page lists them.</summary>
    public IReadOnlyList<TreeNode> Nodes()
    {
        var nodes = new List<TreeNode>();
        Walk(shape.Roots(item), 0, null, nodes);
        return nodes;
    }

    public static string TitleOf(JsonObject node) =>
        JsonValues.NonEmptyString(node["DisplayText"])
        ?? JsonValues.NonEmptyString(node["TitlePart"]?["Title"])
        ?? JsonValues.NonEmptyString(node["ContentItemId"])
        ?? "(untitled)";

    /// <summary>Every node id under (and including) <paramref name="id"/>.</summary>
    public IReadOnlyList<string> IdsUnder(string id)
    {
        var ids = new List<string>();
        if (Find(id) is { } found) Collect(found.Node);
        return ids;

        void Collect(JsonObject node)
        {
            if (JsonValues.NonEmptyString(node["ContentItemId"]) is { } nodeId) ids.Add(nodeId);
            foreach (var child in shape.ChildrenOf(node)?.OfType<JsonObject>() ?? []) Collect(child);
        }
    }

    public JsonObject? Node(string id) => Find(id)?.Node;

    /// <summary>Moves the node before its previous sibling; false when it is first.</summary>
    public bool MoveUp(string id)
    {
        if (Find(id) is not { Index: > 0 } found) return false;
        Swap(found.Siblings, found.Index, found.Index - 1);
        return true;
    }

    /// <summary>Moves the node after its next sibling; false when it is last.</summary>
    public bool MoveDown(string id)
    {
        if (Find(id) is not { } found || found.Index >= found.Siblings.Count - 1) return false;
        Swap(found.Siblings, found.Index, found.Index + 1);
        return true;
    }

    /// <summary>Makes the node the last child of its previous sibling; false when it is first.</summary>
    public bool Indent(string id)
    {
        if (Find(id) is not { Index: > 0 } found) return false;
        var previous = (JsonObject)found.Siblings[found.Index - 1]!;
        found.Siblings.RemoveAt(found.Index);
        shape.ChildrenArray(previous).Add(found.Node);
        return true;
    }

    /// <summary>Makes the node its parent's next sibling; false at the top level.</summary>
    public bool Outdent(string id)
    {
        if (Find(id) is not { Parent: { } parent } found) return false;
        var outer = Find(JsonValues.NonEmptyString(parent["ContentItemId"]) ?? "")!.Value;
        found.Siblings.RemoveAt(found.Index);
        outer.Siblings.Insert(outer.Index + 1, found.Node);
        return true;
    }

    /// <summary>Removes the node and everything under it; false when it is not in the tree.</summary>
    public bool Remove(string id)
    {
        if (Find(id) is not { } found) return false;
        found.Siblings.RemoveAt(found.Index);
        return true;
    }

    /// <summary>Adds a node as the last child of <paramref name="parentId"/>, or at the top level when it is null.</summary>
    public bool Add(JsonObject node, string? parentId)
    {
        if (parentId is null)
        {
            shape.Roots(item).Add(node);
            return true;
        }
        if (Node(parentId) is not { } parent) return false;
        shape.ChildrenArray(parent).Add(node);
        return true;
    }

    /// <summary>
    /// Rebuilds the tree from (id, parent id) pairs in order, as a dragged page posts them. Refused (false, nothing
    /// changed) unless they name exactly the nodes the tree holds, each once, and every parent is one of them placed
    /// earlier: a page loaded before a node was added or removed must not drop or invent one.
    /// </summary>
    public bool Arrange(IReadOnlyList<(string Id, string? ParentId)> placement)
    {
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var node in Nodes()) byId[node.Id] = Node(node.Id)!;
        if (placement.Count != byId.Count || placement.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != byId.Count) return false;
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, parentId) in placement)
        {
            if (!byId.ContainsKey(id) || (parentId is not null && !placed.Contains(parentId))) return false;
            placed.Add(id);
        }
        foreach (var node in byId.Values)
        {
            var children = shape.ChildrenOf(node);
            while (children is { Count: > 0 }) children.RemoveAt(0);
        }
        var roots = shape.Roots(item);
        while (roots.Count > 0) roots.RemoveAt(0);
        foreach (var (id, parentId) in placement)
        {
            (parentId is null ? roots : shape.ChildrenArray(byId[parentId])).Add(byId[id]);
        }
        return true;
    }

    private void Walk(JsonArray siblings, int depth, JsonObject? parent, List<TreeNode> into)
    {
        var items = siblings.OfType<JsonObject>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var node = items[i];
            if (JsonValues.NonEmptyString(node["ContentItemId"]) is not { } id) continue;
            var children = shape.ChildrenOf(node);
            into.Add(new TreeNode(id, TitleOf(node), JsonValues.NonEmptyString(node["ContentType"]) ?? "", depth,
                parent is null ? null : JsonValues.NonEmptyString(parent["ContentItemId"]), parent is null ? null : TitleOf(parent),
                i > 0 ? TitleOf(items[i - 1]) : null, i == items.Count - 1, UrlOf(node), children?.Count ?? 0));
            if (children is not null) Walk(children, depth + 1, node, into);
        }
    }

    private static string? UrlOf(JsonObject node) =>
        JsonValues.NonEmptyString(node["LinkMenuItemPart"]?["Url"]) ?? JsonValues.NonEmptyString(node["HtmlMenuItemPart"]?["Url"]);

    private (JsonArray Siblings, int Index, JsonObject Node, JsonObject? Parent)? Find(string id) => Find(shape.Roots(item), null, id);

    private (JsonArray Siblings, int Index, JsonObject Node, JsonObject? Parent)? Find(JsonArray siblings, JsonObject? parent, string id)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i] is not JsonObject node) continue;
            if (string.Equals((string?)node["ContentItemId"], id, StringComparison.Ordinal)) return (siblings, i, node, parent);
            if (shape.ChildrenOf(node) is { } children && Find(children, node, id) is { } below) return below;
        }
        return null;
    }

    private static void Swap(JsonArray array, int a, int b)
    {
        // A JsonNode belongs to one parent: take both out before putting them back.
        var (first, second) = a < b ? (a, b) : (b, a);
        var later = array[second]!;
        var earlier = array[first]!;
        array.RemoveAt(second);
        array.RemoveAt(first);
        array.Insert(first, later);
        array.Insert(second, earlier);
    }
}
