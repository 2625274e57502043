// Why: a reader (or a search engine) following an old link to a deleted page should learn it is gone for good (410),
// while a path that never existed or whose item is only unpublished stays 404. A removal clears the item's field
// index rows (its path with them) and the audit trail is purged after a while, so the site notes the paths of removed
// items itself, in one small document written in the removal's transaction.
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Site.Gone;

/// <summary>The paths of removed items that readers could once open: path → when it was removed.</summary>
public sealed class RemovedPathsDocument
{
    public const string Name = "SiteRemovedPaths";

    /// <summary>The most paths kept; the oldest removals are forgotten first (they answer 404 again).</summary>
    public const int MaxPaths = 10_000;

    public Dictionary<string, DateTime> Paths { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Notes the path of each removed item that had been published; answers whether a path is gone.</summary>
internal sealed class RemovedPaths(DocumentStore documents, ContentQuery query, TimeProvider clock) : IContentEventHandler
{
    public async Task RemovedAsync(ContentItem item)
    {
        // A draft that was never published had no page; its path never existed for readers.
        if (item.PublishedUtc is null || JsonValues.NonEmptyString(item.Part("AutoroutePart")?["Path"]) is not { } path)
        {
            return;
        }
        // Locked for the removal's transaction: two nodes removing items at once both keep their path.
        await documents.UpdateAsync<RemovedPathsDocument>(RemovedPathsDocument.Name, document =>
        {
            document.Paths[path.Trim('/')] = clock.GetUtcNow().UtcDateTime;
            if (document.Paths.Count > RemovedPathsDocument.MaxPaths)
            {
                document.Paths = document.Paths.OrderByDescending(p => p.Value).Take(RemovedPathsDocument.MaxPaths)
                    .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            }
        });
    }

    /// <summary>
    /// Whether <paramref name="path"/> (no published item has it) belonged to a removed item and no live item has
    /// claimed it since (a later item's draft or unpublished version there keeps it 404).
    /// </summary>
    public async Task<bool> IsGoneAsync(string path, CancellationToken ct)
    {
        var (document, _) = await documents.GetAsync<RemovedPathsDocument>(RemovedPathsDocument.Name, ct);
        return document.Paths.ContainsKey(path) && await query.GetByPathAsync(path, latest: true, ct) is null;
    }
}
