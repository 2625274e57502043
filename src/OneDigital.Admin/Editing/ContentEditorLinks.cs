// Why: the editor's addresses are built in one place, so the list, history and other pages link to them alike.
namespace OneDigital.Admin.Editing;

public static class ContentEditorLinks
{
    public static string New(string contentType) => $"{AdminServices.PathPrefix}/content/new/{Uri.EscapeDataString(contentType)}";

    public static string Edit(string contentItemId) => $"{AdminServices.PathPrefix}/content/{Uri.EscapeDataString(contentItemId)}/edit";

    /// <summary>The confirmation page shown when a publish meets findings that block it (Writing/PublishAnyway).</summary>
    public static string PublishAnyway(string contentItemId) => $"{AdminServices.PathPrefix}/content/{Uri.EscapeDataString(contentItemId)}/publish-anyway";

    /// <summary>Where Publish and Save draft go back to: the content list.</summary>
    public static string List => $"{AdminServices.PathPrefix}/content";
}
