// Why: the media library is a page of its own in the header, for those who may manage media (Orchard's
// ManageMediaContent, which ManageOwnMediaContent implies).
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

internal sealed record MediaMenuItem() : AdminMenuItem("Media", MediaLinks.Library, Permissions.ManageMedia, 20);
