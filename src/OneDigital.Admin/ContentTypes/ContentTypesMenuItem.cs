// Why: the content model is configuration, for those who may edit content types.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

internal sealed record ContentTypesMenuItem() : AdminMenuItem("Content types", ContentTypeLinks.List, Permissions.EditContentTypes, 10,
    AdminMenuGroups.ContentModel, "Create and change content types, their parts and fields.");
