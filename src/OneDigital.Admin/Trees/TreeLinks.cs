// Why: a taxonomy's or menu's tree page belongs beside its editor and its row in the content list; one place builds
// its address and decides which items have one.
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Editing;
using OneDigital.Admin.Versions;
using OneDigital.Content.Items;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Trees;

public static class TreeLinks
{
    public static string Tree(string contentItemId) => ItemPage.PathOf(contentItemId, "tree");

    /// <summary>The link's words for this item ("Edit the terms", "Edit the menu items"), or null when it holds no tree.</summary>
    public static string? TextFor(ContentItem item) => TreeShape.Of(item) is { } shape ? $"Edit the {shape.NodesName}" : null;

    public static IServiceCollection AddAdminTrees(this IServiceCollection services) =>
        services.AddScoped<TermUses>().AddSingleton<IContentEditorPanelLink, TreePanelLink>();
}

/// <summary>The editor's side-panel link to the tree page, for those who may edit the item.</summary>
public sealed class TreePanelLink : IContentEditorPanelLink
{
    public int Order => 5;

    public async Task<InfoLink?> ForAsync(ContentItem item, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct) =>
        TreeLinks.TextFor(item) is { } text && await services.GetRequiredService<PermissionService>().IsGrantedAsync(user, Permissions.EditContent, item, ct)
            ? new InfoLink(text, TreeLinks.Tree(item.ContentItemId))
            : null;
}
