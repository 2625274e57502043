using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.GraphiQL;

internal sealed record GraphiQLMenuItem() : AdminMenuItem("GraphiQL", AdminGraphQLEndpoint.PagePath, Permissions.ExecuteGraphQL, 20,
    AdminMenuGroups.Integrations, "Write and run GraphQL queries as yourself, with the schema's documentation beside them.");
