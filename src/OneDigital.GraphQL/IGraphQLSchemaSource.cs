using GraphQL.Types;

namespace OneDigital.GraphQL;

/// <summary>
/// The schema the endpoint executes against. The content schema is built from the content definitions and rebuilt
/// when their version changes, so the endpoint asks for it on every request instead of holding one.
/// </summary>
public interface IGraphQLSchemaSource
{
    ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default);
}
