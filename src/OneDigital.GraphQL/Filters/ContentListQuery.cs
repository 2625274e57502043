using GraphQL;
using OneDigital.Content.Querying;
using OneDigital.GraphQL.Schema;
using OneDigital.GraphQL.Security;
using OneDigital.GraphQL.Types;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// A list field's arguments turned into Content's list request: type, status, the caller's access, where, and (for
/// pages) orderBy, skip and first. Without orderBy, items come newest first (Orchard's order).
/// </summary>
internal sealed record ContentListQuery(string ContentType, WhereInputGraphType Where, OrderByInputGraphType OrderBy)
{
    public ContentListRequest Filtered(ListArguments arguments, TypeAccess access, string? userId, GraphQLOptions options)
    {
        FilterLimits.Check(arguments.Where, options);
        return new ContentListRequest(ContentType)
        {
            Status = arguments.Status switch
            {
                PublicationStatus.Draft => ContentStatus.Draft,
                PublicationStatus.Latest => ContentStatus.Latest,
                PublicationStatus.All => ContentStatus.All,
                _ => ContentStatus.Published,
            },
            OwnedBy = access == TypeAccess.Own ? new ContentOwner(userId) : null,
            Filter = arguments.Culture is { Length: > 0 } culture
                ? Where.Filter(arguments.Where) is { } where ? new ContentFilter.And([where, PartGraphTypes.CultureFilter(culture)]) : PartGraphTypes.CultureFilter(culture)
                : Where.Filter(arguments.Where),
        };
    }

    public ContentListRequest Page(ListArguments arguments, ContentListRequest filtered, GraphQLOptions options) => filtered with
    {
        Sort = OrderBy.Keys(arguments.OrderBy),
        Skip = Math.Max(0, arguments.Skip ?? 0),
        Take = arguments.First is > 0 and var n ? n : options.DefaultNumberOfResults,
    };
}

/// <summary>
/// A list field's arguments, read while its resolver runs (GraphQL.NET reuses the resolve context afterwards, so a
/// connection's items and count keep these instead).
/// </summary>
internal sealed record ListArguments(object? Where, object? OrderBy, int? First, int? Skip, PublicationStatus Status, string? Culture = null)
{
    public static ListArguments From(IResolveFieldContext context) => new(
        context.GetArgument<object?>("where"),
        context.GetArgument<object?>("orderBy"),
        context.GetArgument<int?>("first"),
        context.GetArgument<int?>("skip"),
        context.GetArgument<PublicationStatus?>("status") ?? PublicationStatus.Published,
        context.HasArgument("culture") ? context.GetArgument<string?>("culture") : null);
}
