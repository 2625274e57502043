using System.Collections.Concurrent;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

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
    private readonly ConcurrentDictionary<string, BatchLoader<string, IReadOnlyList<ContentItem>>> _localizations = new(StringComparer.Ordinal);

    public BatchLoader<string, ContentItem> Published => _published ??= new(context, context.Content.GetPublishedByIdAsync);

    /// <summary>User names by user id (user picker fields); unknown ids are missing.</summary>
    public BatchLoader<string, string> UserNames => _userNames ??= new(context, context.Content.GetUserNamesAsync);

    /// <summary>Published items contained in each list, by their position in it, one page per list.</summary>
    public BatchLoader<string, IReadOnlyList<ContentItem>> Children(int first, int skip) =>
        _children.GetOrAdd((first, skip), key => new(context, (ids, ct) => context.Content.GetChildrenAsync(ids, key.Skip, key.First, ct)));

    /// <summary>
    /// The published items of each localization set (a set holds an item per culture: a few), or only those of
    /// <paramref name="culture"/> when given.
    /// </summary>
    public BatchLoader<string, IReadOnlyList<ContentItem>> Localizations(string? culture) =>
        _localizations.GetOrAdd(culture ?? "", key => new(context, async (sets, ct) =>
        {
            ContentFilter filter = new ContentFilter.Field("LocalizationPart", "LocalizationSet", FieldValueKind.Text, FilterOperator.In, sets.ToArray());
            if (key.Length > 0)
            {
                filter = new ContentFilter.And([filter, new ContentFilter.Field("LocalizationPart", "Culture", FieldValueKind.Text, FilterOperator.Equal, key)]);
            }
            var items = await context.Content.ListAsync(new ContentListRequest(null) { Filter = filter }, ct);
            return items
                .GroupBy(i => JsonValues.ScalarText(i.Part("LocalizationPart")?["LocalizationSet"]) ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ContentItem>)[.. g], StringComparer.Ordinal);
        }));
}
