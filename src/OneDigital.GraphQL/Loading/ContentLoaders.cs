using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Loading;

/// <summary>
/// The batched lookups of one execution: published items by id (content pickers, taxonomies, containers,
/// <c>contentItem</c>) and the published children of lists. A page of items costs the same number of queries whatever
/// its size.
/// </summary>
internal sealed class ContentLoaders(GraphQLUserContext context)
{
    private BatchLoader<string, ContentItem>? _published;
    private readonly ConcurrentDictionary<(int First, int Skip), BatchLoader<string, IReadOnlyList<ContentItem>>> _children = new();

    private ContentItemStore Store => context.RequestServices.GetRequiredService<ContentItemStore>();

    public BatchLoader<string, ContentItem> Published => _published ??= new(context, async (ids, ct) =>
    {
        var records = await Store.Records.Where(r => r.Published && ids.Contains(r.ContentItemId)).ToListAsync(ct);
        return records.ToDictionary(r => r.ContentItemId, ContentItemStore.ToItem);
    });

    /// <summary>Published items contained in each list, by their position in it, one page per list.</summary>
    public BatchLoader<string, IReadOnlyList<ContentItem>> Children(int first, int skip) =>
        _children.GetOrAdd((first, skip), key => new(context, (ids, ct) => LoadChildrenAsync(ids, key.First, key.Skip, ct)));

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ContentItem>>> LoadChildrenAsync(
        IReadOnlyCollection<string> listIds, int first, int skip, CancellationToken ct)
    {
        var rows = Store.FieldIndex.Where(f => f.PartName == "ContainedPart" && f.FieldName == "ListContentItemId" && f.Published);
        List<(long Record, string List)> page;
        if (listIds.Count == 1)
        {
            // One list (the usual case): let the database page it.
            var listId = listIds.First();
            var ids = await rows.Where(f => f.TextValue == listId)
                .OrderBy(f => f.NumberValue).ThenBy(f => f.ContentItemRecordId)
                .Skip(skip).Take(first).Select(f => f.ContentItemRecordId).ToListAsync(ct);
            page = ids.ConvertAll(id => (id, listId));
        }
        else
        {
            // Several lists: their positions are small rows; page each in memory, then read only the page's documents.
            var all = await rows.Where(f => listIds.Contains(f.TextValue!))
                .Select(f => new { f.ContentItemRecordId, f.TextValue, f.NumberValue }).ToListAsync(ct);
            page = [.. all.GroupBy(f => f.TextValue!)
                .SelectMany(g => g.OrderBy(f => f.NumberValue).ThenBy(f => f.ContentItemRecordId).Skip(skip).Take(first)
                    .Select(f => (f.ContentItemRecordId, g.Key)))];
        }
        var recordIds = page.Select(p => p.Record).ToList();
        var records = await Store.Records.Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return page.Where(p => records.ContainsKey(p.Record))
            .GroupBy(p => p.List)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContentItem>)[.. g.Select(p => ContentItemStore.ToItem(records[p.Record]))]);
    }
}
