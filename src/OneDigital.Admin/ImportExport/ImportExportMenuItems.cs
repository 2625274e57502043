// Why: importing and exporting recipes are configuration pages, under "Import and export".
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ImportExport;

internal sealed record ImportMenuItem() : AdminMenuItem("Import a recipe", ImportLinks.Upload, Permissions.Import, 10, AdminMenuGroups.ImportExport,
    "Upload an Orchard recipe, see what it would change in a dry run, then run it.");

internal sealed record ExportMenuItem() : AdminMenuItem("Export the site", ImportLinks.Export, Permissions.Export, 20, AdminMenuGroups.ImportExport,
    "Download the whole site, or the parts you choose, as an Orchard recipe.");

internal static class ImportLinks
{
    public const string Upload = "/admin/import";
    public const string Export = "/admin/export";

    public static string Import(string id) => $"{Upload}/{id}";

    public static string Status(string id) => $"{Upload}/{id}/status";
}
