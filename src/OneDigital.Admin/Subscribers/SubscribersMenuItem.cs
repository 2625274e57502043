// Why: the e-bulletin's subscribers are a page of their own in the header, for those who may manage that personal data.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Subscribers;

internal sealed record SubscribersMenuItem() : AdminMenuItem("Subscribers", SubscribersModel.Path, Permissions.ManageBulletinSubscribers, 80);
