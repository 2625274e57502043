using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneDigital.Content.Definitions;
using OneDigital.Content.Queries;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// The content schema of the current definitions and stored queries: built on first use and again whenever the
/// definitions' or the queries document's version changes, so a change shows without a restart: at once on this
/// node, within about a second for a change made by another node or a CLI import (<see cref="StoreVersions"/>).
/// A call costs no store query.
/// </summary>
public sealed class ContentSchemaSource(IServiceScopeFactory scopes, StoreVersions versions, IOptions<GraphQLOptions> options) : IGraphQLSchemaSource
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Definitions, int Queries, ISchema Schema)? _current;

    public async ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default)
    {
        var snapshot = await versions.GetAsync(ct);
        var current = (Definitions: snapshot.Of(ContentDefinitionStore.Watched), Queries: snapshot.Of(StoredQueriesDocument.Watched));
        if (IsCurrent(current.Definitions, current.Queries) is { } schema) return schema;
        await _building.WaitAsync(ct);
        try
        {
            if (IsCurrent(current.Definitions, current.Queries) is { } built) return built;
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var definitions = await services.GetRequiredService<ContentDefinitionStore>().GetAsync(ct);
            var queryFields = services.GetService<IQueryFieldSource>();
            var queries = queryFields is null ? [] : await queryFields.ListAsync(ct);
            var logger = services.GetService<ILogger<ContentSchemaSource>>() ?? (ILogger)NullLogger.Instance;
            var result = ContentSchemaBuilder.Build(definitions, options.Value, queries, logger);
            // Keyed by the versions read before building: a change while building makes the next call build again.
            _current = (current.Definitions, current.Queries, result);
            return result;
        }
        finally
        {
            _building.Release();
        }
    }

    private ISchema? IsCurrent(int definitions, int queries) =>
        _current is { } c && c.Definitions == definitions && c.Queries == queries ? c.Schema : null;
}
