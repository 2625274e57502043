using OneDigital.Admin.Navigation;

namespace OneDigital.Admin.SearchIndexes;

internal sealed record SearchIndexesMenuItem() : AdminMenuItem("Search indexes", SearchIndexLinks.List, SearchIndexPermissions.Manage, 10,
    AdminMenuGroups.Search, "Each index's documents, lag and health; rebuild, reset, change its settings and try a query.");
