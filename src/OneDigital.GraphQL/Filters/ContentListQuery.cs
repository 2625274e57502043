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
    public static PublicationStatus Status(IResolveFieldContext context) =>
        context.GetArgument<PublicationStatus?>("status") ?? PublicationStatus.Published;

    public IQueryable<ContentItemRecord> Filtered(IResolveFieldContext context, ContentItemStore store, TypeAccess access, string? userId)
    {
        var query = store.Records.Where(r => r.ContentType == ContentType);
        query = Status(context) switch
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
        if (Where.Lambda(context.GetArgument<object?>("where"), store.FieldIndex) is { } condition)
        {
            query = query.Where(condition);
        }
        return query;
    }

    public IQueryable<ContentItemRecord> Page(IResolveFieldContext context, ContentItemStore store, IQueryable<ContentItemRecord> filtered, GraphQLOptions options)
    {
        IQueryable<ContentItemRecord> ordered = filtered;
        var first = true;
        foreach (var (sort, descending) in OrderBy.Keys(context.GetArgument<object?>("orderBy")))
        {
            ordered = sort(ordered, first, descending, store.FieldIndex);
            first = false;
        }
        var sorted = first
            ? filtered.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            : ((IOrderedQueryable<ContentItemRecord>)ordered).ThenBy(r => r.Id);
        var skip = Math.Max(0, context.GetArgument<int?>("skip") ?? 0);
        var take = context.GetArgument<int?>("first") is > 0 and var n ? n : options.DefaultNumberOfResults;
        return sorted.Skip(skip).Take(take);
    }
}
