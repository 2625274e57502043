using System.Collections.Concurrent;
using OneDigital.Content.Items;

namespace OneDigital.GraphQL.Loading;

/// <summary>
/// The batched lookups of one execution: published items by id (content pickers, taxonomies, containers,
/// <c>contentItem</c>), the published children of lists, and the names of picked users. A page of items costs the same number of queries whatever
/// its size.
/// </summary>
internal sealed class ContentLoaders(GraphQLUserContext context)
{
    private BatchLoader<string, ContentItem>? _published;
    private BatchLoader<string, string>? _userNames;
    private readonly ConcurrentDictionary<(int First, int Skip), BatchLoader<string, IReadOnlyList<ContentItem>>> _children = new();

    public BatchLoader<string, ContentItem> Published => _published ??= new(context, context.Content.GetPublishedByIdAsync);

    /// <summary>User names by user id (user picker fields); unknown ids are missing.</summary>
    public BatchLoader<string, string> UserNames => _userNames ??= new(context, context.Content.GetUserNamesAsync);

    /// <summary>Published items contained in each list, by their position in it, one page per list.</summary>
    public BatchLoader<string, IReadOnlyList<ContentItem>> Children(int first, int skip) =>
        _children.GetOrAdd((first, skip), key => new(context, (ids, ct) => context.Content.GetChildrenAsync(ids, key.Skip, key.First, ct)));
}
