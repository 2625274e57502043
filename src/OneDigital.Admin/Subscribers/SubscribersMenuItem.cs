// Why: the e-bulletin's subscribers are a page of their own in the header, for those who may manage that personal data.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Subscribers;

internal sealed class SubscribersMenuItem : IAdminMenuItem
{
    public string Text => "Subscribers";

    public string Href => SubscribersModel.Path;

    public Permission Permission => Permissions.ManageBulletinSubscribers;

    public int Order => 80;
}
