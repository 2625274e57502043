// Why: several features add pages at once; each declares its menu entry in one line in its own folder, found when
// the admin starts, so no one edits the layout or a shared list to appear in the navigation.
using OneDigital.Content.Security;

namespace OneDigital.Admin.Navigation;

/// <summary>
/// An entry of the admin's navigation. Declare it in the feature's folder as a sealed class with a parameterless
/// constructor, e.g. <c>internal sealed class MediaMenuItem() : AdminMenuItem("Media", MediaLinks.Library, Permissions.ManageMedia, 20);</c>;
/// it is registered by itself.
/// </summary>
/// <param name="Text">The link's words.</param>
/// <param name="Href">Where it leads; the entry is marked current for this path and the paths below it.</param>
/// <param name="Permission">Shown only to users holding it (the page itself must still demand it).</param>
/// <param name="Order">Lower first, within the header or within its group.</param>
/// <param name="Group">Null for the header; otherwise the heading it sits under on the Configuration page
/// (<see cref="AdminMenuGroups"/>), which the header links to instead.</param>
/// <param name="Description">One sentence under the link on the Configuration page.</param>
public abstract record AdminMenuItem(string Text, string Href, Permission Permission, int Order, string? Group = null, string? Description = null);

/// <summary>The Configuration page's headings, in the order they are shown.</summary>
public static class AdminMenuGroups
{
    public const string ContentModel = "Content model";
    public const string ImportExport = "Import and export";
    public const string Search = "Search and queries";
    public const string Security = "Users and security";
    public const string Integrations = "Partners and integrations";
    public const string Site = "Site settings";

    public static readonly string[] InOrder = [ContentModel, ImportExport, Search, Security, Integrations, Site];
}
