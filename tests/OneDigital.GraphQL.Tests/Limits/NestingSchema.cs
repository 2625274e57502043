using GraphQL.Types;

namespace OneDigital.GraphQL.Tests.Limits;

/// <summary>
/// A schema that nests without end (<c>nested</c>, the list <c>many(first)</c>), for the depth and complexity limits,
/// which the content schema's shallow types cannot reach.
/// </summary>
public sealed class NestingSchema : global::GraphQL.Types.Schema
{
    public NestingSchema()
    {
        var nested = new ObjectGraphType { Name = "Nested" };
        nested.Field<IntGraphType>("value").Resolve(_ => 1);
        nested.Field("nested", nested).Resolve(_ => new object());
        nested.Field("many", new ListGraphType(nested)).Argument<IntGraphType>("first").Resolve(_ => new[] { new object(), new object() });
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("nested", nested).Resolve(_ => new object());
        Query = query;
    }
}
