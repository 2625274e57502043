using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Queries;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// The content schema of the current definitions and stored queries: built on first use and again whenever the
/// definitions' version or the queries document's version changes (any node, any process), so a change shows in the
/// next request without a restart. Each call reads only the version numbers.
/// </summary>
public sealed class ContentSchemaSource(IServiceScopeFactory scopes, IOptions<GraphQLOptions> options) : IGraphQLSchemaSource
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Definitions, int Queries, ISchema Schema)? _current;

    public async ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var queryFields = services.GetService<IQueryFieldSource>();
        var queriesDocument = queryFields?.DocumentName;
        var db = services.GetRequiredService<ContentDbContext>();
        var versions = await db.Documents.AsNoTracking()
            .Where(d => d.Name == ContentDefinitionStore.DocumentName || d.Name == queriesDocument)
            .Select(d => new { d.Name, d.Version }).ToListAsync(ct);
        var definitionsVersion = versions.FirstOrDefault(v => v.Name == ContentDefinitionStore.DocumentName)?.Version ?? 0;
        var queriesVersion = versions.FirstOrDefault(v => v.Name == queriesDocument)?.Version ?? 0;
        if (IsCurrent(definitionsVersion, queriesVersion) is { } current) return current;
        await _building.WaitAsync(ct);
        try
        {
            if (IsCurrent(definitionsVersion, queriesVersion) is { } built) return built;
            var definitions = await services.GetRequiredService<ContentDefinitionStore>().GetAsync(ct);
            var queries = queryFields is null ? [] : await queryFields.ListAsync(ct);
            var logger = services.GetService<ILogger<ContentSchemaSource>>() ?? (ILogger)NullLogger.Instance;
            var schema = ContentSchemaBuilder.Build(definitions, options.Value, queries, logger);
            // Keyed by the versions read before building: a change while building makes the next call build again.
            _current = (definitionsVersion, queriesVersion, schema);
            return schema;
        }
        finally
        {
            _building.Release();
        }
    }

    private ISchema? IsCurrent(int definitions, int queries) =>
        _current is { } c && c.Definitions == definitions && c.Queries == queries ? c.Schema : null;
}
