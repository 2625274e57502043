// Why: the media library is a page of its own in the header, for those who may manage media (Orchard's
// ManageMediaContent, which ManageOwnMediaContent implies).
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

internal sealed class MediaMenuItem : IAdminMenuItem
{
    public string Text => "Media";

    public string Href => MediaLinks.Library;

    public Permission Permission => Permissions.ManageMedia;

    public int Order => 20;
}
