// Why: webhooks are configuration for partner integrations: they sit on /admin/configuration with partner applications.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Webhooks;

internal sealed record WebhooksMenuItem() : AdminMenuItem("Webhooks", WebhooksModel.Path, Permissions.ManageWebhooks, 20,
    AdminMenuGroups.Integrations, "Tell partner sites when content is published, unpublished or removed; see each delivery and send one again.");
