// Why: an item's versions, preview and schedule pages belong beside its edit form; each shows only to those who may
// open it, so the panel never offers a link that answers 403.
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Editing;
using OneDigital.Content.Items;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Versions;

public sealed class ItemPageLink(int order, string page, string text, Permission permission) : IContentEditorPanelLink
{
    public int Order => order;

    public async Task<InfoLink?> ForAsync(ContentItem item, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<PermissionService>().IsGrantedAsync(user, permission, item, ct)
            ? new InfoLink(text, ItemPage.PathOf(item.ContentItemId, page))
            : null;
}

public static class ItemPageLinks
{
    public static IServiceCollection AddItemPageLinks(this IServiceCollection services)
    {
        services.AddSingleton<IContentEditorPanelLink>(new ItemPageLink(10, "versions", "Versions", Permissions.EditContent));
        services.AddSingleton<IContentEditorPanelLink>(new ItemPageLink(20, "preview", "Preview", Permissions.PreviewContent));
        services.AddSingleton<IContentEditorPanelLink>(new ItemPageLink(30, "schedule", "Schedule", Permissions.PublishContent));
        return services;
    }
}
