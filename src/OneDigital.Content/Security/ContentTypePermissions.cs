using System.Diagnostics.CodeAnalysis;

namespace OneDigital.Content.Security;

/// <summary>
/// Orchard's per-type content permissions (<c>Edit_{Type}</c>, <c>EditOwn_{Type}</c>, ...) and "Own" variations.
/// As in Orchard, a check on a content item is always made against the item type's permission, and that permission is
/// implied by the general one (<c>Edit_Article</c> by <c>EditContent</c>); so the general permissions cover every type
/// (but Securable ones, see <see cref="PermissionService"/>), and per-type permissions let a role act on some types only. Orchard lists per-type permissions in its role editor
/// only for Securable types, which is what <see cref="PermissionCatalogue.ListAsync"/> does.
/// </summary>
public static class ContentTypePermissions
{
    private sealed record Template(string Prefix, Permission General, string Description, string[] ImpliedByPrefixes);

    // Prefixes imply in the same way as Orchard's templates; each also is implied by its general permission.
    private static readonly Template[] Templates =
    [
        new("Publish", Permissions.PublishContent, "Publish or unpublish {0} for others", []),
        new("PublishOwn", Permissions.PublishOwnContent, "Publish or unpublish own {0}", ["Publish"]),
        new("Edit", Permissions.EditContent, "Edit {0} for others", ["Publish"]),
        new("EditOwn", Permissions.EditOwnContent, "Edit own {0}", ["Edit", "PublishOwn"]),
        new("Delete", Permissions.DeleteContent, "Delete {0} for others", []),
        new("DeleteOwn", Permissions.DeleteOwnContent, "Delete own {0}", ["Delete"]),
        new("View", Permissions.ViewContent, "View {0} by others", ["Edit"]),
        new("ViewOwn", Permissions.ViewOwnContent, "View own {0}", ["View"]),
        new("Preview", Permissions.PreviewContent, "Preview {0} by others", ["Edit"]),
        new("PreviewOwn", Permissions.PreviewOwnContent, "Preview own {0}", ["Preview"]),
        new("Clone", Permissions.CloneContent, "Clone {0} by others", ["Edit"]),
        new("CloneOwn", Permissions.CloneOwnContent, "Clone own {0}", ["Clone"]),
        new("ListContent", Permissions.ListContent, "List {0} content items", []),
        new("EditContentOwner", Permissions.EditContentOwner, "Edit the owner of a {0} content item", []),
    ];

    private static readonly Dictionary<string, Template> ByGeneral =
        Templates.ToDictionary(t => t.General.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Template> ByPrefix =
        Templates.ToDictionary(t => t.Prefix, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Permission> OwnVariations = new(StringComparer.OrdinalIgnoreCase)
    {
        [Permissions.PublishContent.Name] = Permissions.PublishOwnContent,
        [Permissions.EditContent.Name] = Permissions.EditOwnContent,
        [Permissions.DeleteContent.Name] = Permissions.DeleteOwnContent,
        [Permissions.ViewContent.Name] = Permissions.ViewOwnContent,
        [Permissions.PreviewContent.Name] = Permissions.PreviewOwnContent,
        [Permissions.CloneContent.Name] = Permissions.CloneOwnContent,
    };

    /// <summary>The general permissions that have a per-type form.</summary>
    public static IEnumerable<Permission> GeneralPermissions => Templates.Select(t => t.General);

    /// <summary>The "Own" variation of a general content permission (EditContent → EditOwnContent), if it has one.</summary>
    public static Permission? OwnVariation(Permission permission) => OwnVariations.GetValueOrDefault(permission.Name);

    /// <summary>The per-type form of a general content permission (EditContent, Article → Edit_Article), if it has one.</summary>
    public static Permission? ForType(Permission general, string contentType) =>
        ByGeneral.TryGetValue(general.Name, out var template) ? Create(template, contentType) : null;

    /// <summary>Reads a per-type permission name (<c>EditOwn_Article</c>) back into the permission and its type.</summary>
    public static bool TryParse(string name, [NotNullWhen(true)] out Permission? permission, out string contentType)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0 && underscore < name.Length - 1 && ByPrefix.TryGetValue(name[..underscore], out var template))
        {
            contentType = name[(underscore + 1)..];
            permission = Create(template, contentType);
            return true;
        }
        permission = null;
        contentType = "";
        return false;
    }

    private static Permission Create(Template template, string contentType) =>
        new($"{template.Prefix}_{contentType}", string.Format(template.Description, contentType),
            [.. template.ImpliedByPrefixes.Select(p => Create(ByPrefix[p], contentType)), template.General]);
}
