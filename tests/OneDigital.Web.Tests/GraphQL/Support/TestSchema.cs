using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.GraphQL;

namespace OneDigital.Web.Tests.GraphQL.Support;

/// <summary>
/// A small schema over the store for the endpoint's tests, until the content schema serves the site:
/// <c>article(first, status)</c>, a self-nesting <c>nested</c> for depth, <c>whoami</c>, <c>boom</c>, which throws, and
/// <c>slow</c>, which waits until its execution is cancelled (and says so through <see cref="SlowCancelled"/>).
/// </summary>
public sealed class TestSchemaSource : IGraphQLSchemaSource
{
    private ISchema _schema = Build();

    /// <summary>Completed when a <c>slow</c> field starts; a test that needs it sets a new one first.</summary>
    public static TaskCompletionSource SlowStarted { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a <c>slow</c> field's execution is cancelled; a test that needs it sets a new one first.</summary>
    public static TaskCompletionSource SlowCancelled { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<ISchema> GetSchemaAsync(CancellationToken ct = default) => new(_schema);

    /// <summary>What the content schema does when the definitions change: a new schema.</summary>
    public void Rebuild() => _schema = Build();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<TestSchemaSource>();
        services.AddSingleton<IGraphQLSchemaSource>(sp => sp.GetRequiredService<TestSchemaSource>());
    }

    private static Schema Build()
    {
        var schema = new Schema { Query = new QueryType() };
        // What introspection tools ask for beyond the defaults (isRepeatable, deprecated arguments).
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        return schema;
    }

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<ListGraphType<ArticleType>>("article")
                .Argument<IntGraphType>("first")
                .Argument<IntGraphType>("last")
                .Argument<StatusType>("status")
                .ResolveAsync(async context =>
                {
                    var status = context.GetArgument("status", "PUBLISHED");
                    var db = context.RequestServices!.GetRequiredService<ContentDbContext>();
                    var rows = db.ContentItems.AsNoTracking().Where(r => r.ContentType == "Article");
                    rows = status == "PUBLISHED" ? rows.Where(r => r.Published) : rows.Where(r => r.Latest);
                    return await rows.OrderBy(r => r.ContentItemId).Take(context.GetArgument("first", 100)).ToListAsync();
                });
            Field<NestedType>("nested").Resolve(_ => new object());
            Field<StringGraphType>("whoami").Resolve(context => context.User?.Identity?.Name ?? "anonymous");
            Field<StringGraphType>("boom").Resolve(object? (_) => throw new InvalidOperationException("secret connection string leaked"));
            Field<StringGraphType>("slow").ResolveAsync(async context =>
            {
                SlowStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    SlowCancelled.TrySetResult();
                    throw;
                }
                return "never";
            });
        }
    }

    private sealed class ArticleType : ObjectGraphType<ContentItemRecord>
    {
        public ArticleType()
        {
            Name = "Article";
            Field(r => r.ContentItemId);
            Field(r => r.DisplayText, nullable: true);
            Field(r => r.Published);
        }
    }

    private sealed class NestedType : ObjectGraphType
    {
        public NestedType()
        {
            Name = "Nested";
            Field<NestedType>("nested").Resolve(_ => new object());
            Field<IntGraphType>("value").Resolve(_ => 1);
            Field<ListGraphType<NestedType>>("many").Argument<IntGraphType>("first").Resolve(_ => new[] { new object(), new object() });
        }
    }

    private sealed class StatusType : EnumerationGraphType
    {
        public StatusType()
        {
            Name = "Status";
            Add("PUBLISHED", "PUBLISHED");
            Add("DRAFT", "DRAFT");
            Add("LATEST", "LATEST");
            Add("ALL", "ALL");
        }
    }
}
