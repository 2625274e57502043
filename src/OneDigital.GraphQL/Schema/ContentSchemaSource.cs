using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// The content schema of the current definitions: built on first use and again whenever the definitions' version
/// changes (any node, any process), so a definition change shows in the next request without a restart. Each call
/// reads only the version number.
/// </summary>
public sealed class ContentSchemaSource(IServiceScopeFactory scopes, IOptions<GraphQLOptions> options) : IGraphQLSchemaSource
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Version, ISchema Schema)? _current;

    public async ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var version = await db.Documents.AsNoTracking()
            .Where(d => d.Name == ContentDefinitionStore.DocumentName).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct) ?? 0;
        if (_current is { } current && current.Version == version) return current.Schema;
        await _building.WaitAsync(ct);
        try
        {
            if (_current is { } built && built.Version == version) return built.Schema;
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
