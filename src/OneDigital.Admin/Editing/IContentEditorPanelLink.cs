// Why: other admin features (versions, preview, schedule, audit) belong beside the item being edited; they add a link
// to the edit page's side panel by registering one of these, so this page does not change when they come.
using System.Security.Claims;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing;

/// <summary>
/// A link in the "This item" side panel of <c>/admin/content/{id}/edit</c>. Register with
/// <c>services.AddSingleton&lt;IContentEditorPanelLink, MyLink&gt;()</c>; the panel asks each for the saved item's link.
/// </summary>
public interface IContentEditorPanelLink
{
    /// <summary>Ordering in the panel (lower first).</summary>
    int Order { get; }

    /// <summary>The link for this item and user, or null to show none (not permitted, not relevant).</summary>
    Task<InfoLink?> ForAsync(ContentItem item, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct);
}
