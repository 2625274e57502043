// Why: the list links to pages other features own (edit, new, versions); their addresses are written once, here.
namespace OneDigital.Admin.ContentItems;

public static class ContentRoutes
{
    public const string List = "/admin/content";

    public const string Bulk = "/admin/content/bulk";

    public static string Edit(string contentItemId) => $"/admin/content/{Uri.EscapeDataString(contentItemId)}/edit";

    public static string New(string contentType) => $"/admin/content/new/{Uri.EscapeDataString(contentType)}";

    public static string Versions(string contentItemId) => $"/admin/content/{Uri.EscapeDataString(contentItemId)}/versions";

    public static string Action(string contentItemId, ContentAction action) =>
        $"/admin/content/{Uri.EscapeDataString(contentItemId)}/{ContentActions.Slug(action)}";

    /// <summary>The list address to go back to: only a path of the list itself, so a posted value cannot send the editor elsewhere.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && (url == List || url.StartsWith(List + "?", StringComparison.Ordinal)) && !url.Contains("//", StringComparison.Ordinal)
            ? url
            : List;
}
