// Why: Orchard's stored queries (Lucene and SQL) are managed with the search pages, under "Search and queries".
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Queries;

internal sealed record QueriesMenuItem() : AdminMenuItem("Queries", QueryLinks.List, Permissions.ManageQueries, 20, AdminMenuGroups.Search,
    "Stored Lucene and SQL queries: what partners run through /api/queries and GraphQL; create, edit, try them.");

internal static class QueryLinks
{
    public const string List = "/admin/queries";
    public const string Edit = "/admin/queries/edit";
    public const string Run = "/admin/queries/run";
    public const string Delete = "/admin/queries/delete";

    public static string EditOf(string name) => $"{Edit}?query={Uri.EscapeDataString(name)}";

    public static string RunOf(string name) => $"{Run}?query={Uri.EscapeDataString(name)}";

    public static string DeleteOf(string name) => $"{Delete}?query={Uri.EscapeDataString(name)}";
}
