// Why: the list of taxonomies and menus, each linked to its tree, sits with the content model on the Configuration page.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Trees;

internal sealed record TreesMenuItem() : AdminMenuItem("Taxonomies and menus", IndexModel.Path, Permissions.EditContent, 40,
    AdminMenuGroups.ContentModel, "Edit the terms of a taxonomy or the items of a menu as a tree.");
