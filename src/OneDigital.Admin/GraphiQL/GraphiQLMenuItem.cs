using OneDigital.Admin.Navigation;

namespace OneDigital.Admin.GraphiQL;

internal sealed record GraphiQLMenuItem() : AdminMenuItem("GraphiQL", AdminGraphQLEndpoint.PagePath, GraphiQLModel.Permission, 20,
    AdminMenuGroups.Integrations, "Write and run GraphQL queries as yourself, with the schema's documentation beside them.");
