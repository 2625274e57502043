using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace OneDigital.GraphQL.Schema;

/// <summary>Short ways to declare the fields of generated types.</summary>
internal static class FieldFactory
{
    public static FieldType Field(string name, IGraphType type, Func<IResolveFieldContext, object?> resolve, string? description = null) =>
        new() { Name = name, ResolvedType = type, Resolver = new FuncFieldResolver<object>(resolve), Description = description };

    public static FieldType AsyncField(string name, IGraphType type, Func<IResolveFieldContext, Task<object?>> resolve, string? description = null) =>
        new() { Name = name, ResolvedType = type, Resolver = new FuncFieldResolver<object>(c => new ValueTask<object?>(resolve(c))), Description = description };

    public static QueryArgument Argument(string name, IGraphType type, string description, object? defaultValue = null) =>
        new(type) { Name = name, Description = description, DefaultValue = defaultValue };

    /// <summary>Orchard's paging arguments on the lists inside an item (first: all when absent or 0).</summary>
    public static FieldType Paged(this FieldType field, SchemaScalars scalars, int? defaultFirst = null)
    {
        field.Arguments ??= new QueryArguments();
        field.Arguments.Add(Argument("first", scalars.Int, "How many to return; all when absent or 0.", defaultFirst));
        field.Arguments.Add(Argument("skip", scalars.Int, "How many to skip.", defaultFirst is null ? null : 0));
        return field;
    }

    public static IEnumerable<T> Page<T>(this IResolveFieldContext context, IEnumerable<T> values)
    {
        var skip = context.GetArgument<int?>("skip") ?? 0;
        var first = context.GetArgument<int?>("first") ?? 0;
        var paged = values.Skip(Math.Max(0, skip));
        return first > 0 ? paged.Take(first) : paged;
    }
}
