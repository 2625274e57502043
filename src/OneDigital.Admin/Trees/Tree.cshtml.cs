// Why: a taxonomy's terms and a menu's items are edited as a tree on one page that works without JavaScript: every
// button (move up/down, nest under the previous one, move out, rename, remove, add) posts and saves at once, then the
// page comes back at the node it changed, so the keyboard carries on from there. Dragging (tree.mjs, SortableJS)
// posts the whole arrangement with "Save order". Each save is a new version of the item through ContentManager, made
// from the version the page loaded (a stale page gets the conflict message and nothing changes), published when the
// latest version is published (which needs PublishContent too) and a draft otherwise.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Versions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Errors;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Trees;

public sealed class TreeModel(ContentQuery query, ContentManager manager, ContentDefinitionStore definitions, TermUses uses) : ItemPage(query)
{
    /// <summary>The ModelState key of errors about the tree as a whole (a stale page), and the id of the tree they link to.</summary>
    public const string TreeField = "tree";
    public const string NameField = "name";
    public const string UrlField = "url";
    public const string ParentField = "parent";
    public const string NewNameField = "newName";
    public const string ActionField = "op";
    public const string NodeField = "node";
    public const string VersionField = "version";

    /// <summary>How many of the items using a term the removal warning names.</summary>
    public const int UsesShown = 10;

    public TreeShape Shape { get; private set; } = TreeShape.Taxonomy;

    public IReadOnlyList<TreeNode> Nodes { get; private set; } = [];

    /// <summary>Whether saving publishes (the latest version is published) rather than saving a draft.</summary>
    public bool SavesPublished => Item.Published;

    [BindProperty(SupportsGet = true, Name = "rename")]
    public string? Renaming { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "at")]
    public string? DoneAt { get; set; }

    [BindProperty(SupportsGet = true, Name = "removed")]
    public string? RemovedName { get; set; }

    /// <summary>A removal waiting for confirmation: the node and the items that use it.</summary>
    public (TreeNode Node, TermUse Uses)? ConfirmRemoval { get; private set; }

    /// <summary>The version the form was loaded from, posted back so a save from a stale page is refused.</summary>
    public string LoadedVersion { get; private set; } = "";

    public string PageTitle => $"{Item.DisplayText ?? Item.ContentItemId}: {Shape.NodesName}";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadTreeAsync(id) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadTreeAsync(id) is { } refused) return refused;
        if (Item.Published && await DemandAsync(Permissions.PublishContent, Item) is { } mayNotPublish) return mayNotPublish;
        var form = Request.Form;
        var loaded = form[VersionField].ToString();
        var (verb, nodeId) = form[ActionField].ToString().Split(':', 2) is [var v, var n] ? (v, n) : (form[ActionField].ToString(), "");
        var working = Item.Clone();
        var tree = new ItemTree(working, Shape);
        var node = Nodes.FirstOrDefault(n => n.Id == nodeId);
        string? done;
        switch (verb)
        {
            case "up" when node is not null && tree.MoveUp(nodeId):
                done = "up";
                break;
            case "down" when node is not null && tree.MoveDown(nodeId):
                done = "down";
                break;
            case "in" when node is not null && tree.Indent(nodeId):
                done = "in";
                break;
            case "out" when node is not null && tree.Outdent(nodeId):
                done = "out";
                break;
            case "rename" when node is not null:
                if (Required(form[NewNameField], NewNameField, "Enter the new name") is not { } newName)
                {
                    Renaming = nodeId;
                    return Refused();
                }
                Rename(tree.Node(nodeId)!, newName);
                done = "renamed";
                break;
            case "remove" or "confirm-remove" when node is not null:
                if (verb == "remove" && Shape.IsTaxonomy
                    && await uses.FindAsync(Item.ContentItemId, tree.IdsUnder(nodeId), UsesShown, HttpContext.RequestAborted) is { Count: > 0 } used)
                {
                    ConfirmRemoval = (node, used);
                    return Page();
                }
                tree.Remove(nodeId);
                done = "removed";
                break;
            case "add":
                if (await NewNodeAsync(form) is not { } added) return Refused();
                var parent = form[ParentField].ToString();
                tree.Add(added, parent.Length > 0 && Nodes.Any(n => n.Id == parent) ? parent : null);
                nodeId = (string)added["ContentItemId"]!;
                done = "added";
                break;
            case "arrange":
                if (!tree.Arrange(Placement(form[NodeField])))
                {
                    ModelState.AddModelError(TreeField, $"The {Shape.NodesName} changed since this page was loaded, so the order was not saved. The page now shows them as they are: arrange them again.");
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                }
                done = "arranged";
                break;
            default:
                // A node removed or moved meanwhile: show the tree as it is now.
                ModelState.AddModelError(TreeField, $"That {Shape.NodeName} is no longer in the {Shape.Kind}. The page now shows the {Shape.NodesName} as they are.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
        try
        {
            if (Item.Published) await manager.PublishAsync(working, loaded, HttpContext.RequestAborted);
            else await manager.UpdateAsync(working, loaded, HttpContext.RequestAborted);
        }
        catch (Exception refusedSave) when (refusedSave is IClientError error)
        {
            ModelState.AddModelError(TreeField, refusedSave is ContentConflictException
                ? $"Someone else changed this {Shape.Kind} since you loaded this page, so your change was not saved. The page now shows the latest {Shape.NodesName}: make your change again."
                : refusedSave.Message);
            Response.StatusCode = error.Status;
            await LoadTreeAsync(id);
            return Page();
        }
        var query = done == "removed"
            ? $"?done=removed&removed={Uri.EscapeDataString(node!.Title)}"
            : $"?done={done}&at={Uri.EscapeDataString(nodeId)}#node-{nodeId}";
        return Redirect(TreeLinks.Tree(id) + query);
    }

    /// <summary>The success message after a redirect, naming the node changed.</summary>
    public string? DoneMessage()
    {
        var title = Nodes.FirstOrDefault(n => n.Id == DoneAt)?.Title;
        var saved = SavesPublished ? "The change is published." : "The change is saved as a draft.";
        var what = Done switch
        {
            "up" or "down" or "in" or "out" when title is not null => $"'{title}' moved.",
            "renamed" when title is not null => $"Renamed to '{title}'.",
            "added" when title is not null => $"'{title}' added.",
            "removed" when RemovedName is { Length: > 0 } => $"'{RemovedName}' removed.",
            "arranged" => "The order is saved.",
            _ => null,
        };
        return what is null ? null : $"{what} {saved}";
    }

    public string NodeNameCapitalised => char.ToUpperInvariant(Shape.NodeName[0]) + Shape.NodeName[1..];

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string? Required(string? value, string field, string message)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(field, message);
            return null;
        }
        if (text.Length > 255)
        {
            ModelState.AddModelError(field, "Names must be 255 characters or fewer");
            return null;
        }
        return text;
    }

    private void Rename(JsonObject node, string name)
    {
        node["DisplayText"] = name;
        if (node["TitlePart"] is JsonObject title) title["Title"] = name;
        if (node["LinkMenuItemPart"] is JsonObject link && link.ContainsKey("Name")) link["Name"] = name;
    }

    /// <summary>A new term (of the taxonomy's term type, under its path) or link menu item from the Add form; null after a validation error.</summary>
    private async Task<JsonObject?> NewNodeAsync(IFormCollection form)
    {
        var name = Required(form[NameField], NameField, $"Enter the name of the new {Shape.NodeName}");
        var url = form[UrlField].ToString().Trim();
        if (!Shape.IsTaxonomy && !IsSafeUrl(url))
        {
            ModelState.AddModelError(UrlField, "Enter the link's address, starting with /, https:// or http://");
        }
        if (name is null || !ModelState.IsValid) return null;
        var defs = await definitions.GetAsync(HttpContext.RequestAborted);
        ContentItem node;
        if (Shape.IsTaxonomy)
        {
            var termType = JsonValues.NonEmptyString(Item.Part("TaxonomyPart")?["TermContentType"]) ?? "Tag";
            node = ContentItem.New(termType, defs.Type(termType)?.Parts.Select(p => p.Name) ?? ["TitlePart", "TermPart"]);
            node.GetOrCreatePart("TitlePart")["Title"] = name;
            node.GetOrCreatePart("TermPart")["TaxonomyContentItemId"] = Item.ContentItemId;
            if (node.Part("AutoroutePart") is { } route)
            {
                var under = JsonValues.NonEmptyString(Item.Part("AutoroutePart")?["Path"]);
                route["Path"] = under is null ? Slug.From(name) : $"{under}/{Slug.From(name)}";
            }
        }
        else
        {
            node = ContentItem.New("LinkMenuItem", ["LinkMenuItemPart"]);
            node.GetOrCreatePart("LinkMenuItemPart")["Name"] = name;
            node.GetOrCreatePart("LinkMenuItemPart")["Url"] = url;
        }
        node.ContentItemId = OneDigital.Content.Store.IdGenerator.NewId();
        node.DisplayText = name;
        node.Latest = true;
        node.Published = true;
        return node.Data;
    }

    /// <summary>A link a menu may hold: a path on this site or an http(s) address (never javascript: or data:).</summary>
    public static bool IsSafeUrl(string url) =>
        url.Length is > 0 and <= 2048
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)));

    /// <summary>The posted arrangement: "id:parentId" (empty parent at the top level) in order.</summary>
    private static List<(string Id, string? ParentId)> Placement(IEnumerable<string?> values) =>
        [.. values.Select(v => (v ?? "").Split(':', 2)).Select(p => (p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null))];

    private async Task<IActionResult?> LoadTreeAsync(string id)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        if (TreeShape.Of(Item) is not { } shape) return NotFound();
        Shape = shape;
        Nodes = new ItemTree(Item, shape).Nodes();
        LoadedVersion = Item.ContentItemVersionId;
        return null;
    }
}
