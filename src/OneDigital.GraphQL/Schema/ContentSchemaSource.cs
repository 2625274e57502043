using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// The content schema of the current definitions: built on first use and again whenever the definitions' version
/// changes, so a definition change shows without a restart: at once on this node, within about a second for a change
/// made by another node or a CLI import (<see cref="StoreVersions"/>). A call costs no store query.
/// </summary>
public sealed class ContentSchemaSource(IServiceScopeFactory scopes, StoreVersions versions, IOptions<GraphQLOptions> options) : IGraphQLSchemaSource
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Version, ISchema Schema)? _current;

    public async ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default)
    {
        var version = (await versions.GetAsync(ct)).Definitions;
        if (_current is { } current && current.Version >= version) return current.Schema;
        await _building.WaitAsync(ct);
        try
        {
            if (_current is { } built && built.Version >= version) return built.Schema;
            await using var scope = scopes.CreateAsyncScope();
            var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync(ct);
            var schema = ContentSchemaBuilder.Build(definitions, options.Value);
            _current = (definitions.Version, schema);
            return schema;
        }
        finally
        {
            _building.Release();
        }
    }
}
