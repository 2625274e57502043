using GraphQL;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Schema;
using OneDigital.GraphQL.Security;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// A list field's arguments turned into a query on the version rows: type, status, the caller's access, where, and
/// (for pages) orderBy, skip and first. Without orderBy, items come newest first (Orchard's order).
/// </summary>
internal sealed record ContentListQuery(string ContentType, WhereInputGraphType Where, OrderByInputGraphType OrderBy)
{
    public IQueryable<ContentItemRecord> Filtered(ListArguments arguments, ContentItemStore store, TypeAccess access, string? userId, GraphQLOptions options)
    {
        FilterLimits.Check(arguments.Where, options);
        var query = store.Records.Where(r => r.ContentType == ContentType);
        query = arguments.Status switch
        {
            PublicationStatus.Draft => query.Where(r => r.Latest && !r.Published),
            PublicationStatus.Latest => query.Where(r => r.Latest),
            PublicationStatus.All => query,
            _ => query.Where(r => r.Published),
        };
        if (access == TypeAccess.Own)
        {
            query = query.Where(r => r.Owner == userId);
        }
        if (Where.Lambda(arguments.Where, store.FieldIndex) is { } condition)
        {
            query = query.Where(condition);
        }
        return query;
    }

    public IQueryable<ContentItemRecord> Page(ListArguments arguments, ContentItemStore store, IQueryable<ContentItemRecord> filtered, GraphQLOptions options)
    {
        IQueryable<ContentItemRecord> ordered = filtered;
        var first = true;
        var lastDescending = false;
        foreach (var (sort, descending) in OrderBy.Keys(arguments.OrderBy))
        {
            ordered = sort(ordered, first, descending, store.FieldIndex);
            first = false;
            lastDescending = descending;
        }
        // The tie-break runs the way the last key does, so the store can walk an index (type, status, key, id) and stop
        // after the page instead of sorting every matching row.
        var sorted = first
            ? filtered.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            : lastDescending
                ? ((IOrderedQueryable<ContentItemRecord>)ordered).ThenByDescending(r => r.Id)
                : ((IOrderedQueryable<ContentItemRecord>)ordered).ThenBy(r => r.Id);
        var skip = Math.Max(0, arguments.Skip ?? 0);
        var take = arguments.First is > 0 and var n ? n : options.DefaultNumberOfResults;
        return sorted.Skip(skip).Take(take);
    }
}

/// <summary>
/// A list field's arguments, read while its resolver runs (GraphQL.NET reuses the resolve context afterwards, so a
/// connection's items and count keep these instead).
/// </summary>
internal sealed record ListArguments(object? Where, object? OrderBy, int? First, int? Skip, PublicationStatus Status)
{
    public static ListArguments From(IResolveFieldContext context) => new(
        context.GetArgument<object?>("where"),
        context.GetArgument<object?>("orderBy"),
        context.GetArgument<int?>("first"),
        context.GetArgument<int?>("skip"),
        context.GetArgument<PublicationStatus?>("status") ?? PublicationStatus.Published);
}
