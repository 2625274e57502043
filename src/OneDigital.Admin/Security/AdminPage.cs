// Why: the folder convention already demands AccessAdminPanel; pages that act on content must also check the
// permission for the action and the item (an Author edits only own items, a Contributor cannot publish). This is the
// one explicit way to do that in a handler, so every refusal looks the same: 403 and the forbidden page.
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Security;

/// <summary>
/// The base of admin pages that need more than AccessAdminPanel:
/// <code>
/// if (await DemandAsync(Permissions.PublishContent, item) is { } refused) return refused;
/// </code>
/// </summary>
public abstract class AdminPage : PageModel
{
    private PermissionService Permissions => HttpContext.RequestServices.GetRequiredService<PermissionService>();

    /// <summary>Whether the signed-in user holds the permission, on the item when one is given (own/per-type variants).</summary>
    protected Task<bool> IsGrantedAsync(Permission permission, ContentItem? item = null) =>
        Permissions.IsGrantedAsync(User, permission, item, HttpContext.RequestAborted);

    /// <summary>Null when the user holds the permission; otherwise the 403 page to return from the handler.</summary>
    protected async Task<IActionResult?> DemandAsync(Permission permission, ContentItem? item = null) =>
        await IsGrantedAsync(permission, item) ? null : new ForbiddenResult();
}
