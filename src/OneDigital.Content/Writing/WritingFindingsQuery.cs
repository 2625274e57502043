// Why: the site-wide report and the dashboard's trend read the stored counts, never re-run the checks; this class owns
// the WritingFindingCounts table for readers (the recorder writes it) and fills it for items published before it existed.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

public enum WritingReportSort
{
    /// <summary>Most serious first, then most warnings, then most advice.</summary>
    Severity,
    Type,
    Published,
}

/// <summary>
/// Which published items with findings to list: the types whose items the reader may all see, the types where only
/// their own (<see cref="OwnerId"/>) count, and optionally one type.
/// </summary>
public sealed record WritingReportRequest(IReadOnlyList<string> AllItemsTypes, IReadOnlyList<string> OwnItemsTypes, string? OwnerId)
{
    public string? Type { get; init; }
    public WritingReportSort Sort { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
}

/// <summary>One month of the trend: items published in it that are still published, and their findings.</summary>
public sealed record WritingMonth(int Year, int Month, int Items, int Serious, int Warnings, int Advice);

public sealed class WritingFindingsQuery(ContentDbContext db, ContentQuery content, WritingFindingsRecorder recorder, StoreTransaction transaction)
{
    public async Task<(IReadOnlyList<WritingFindingCounts> Rows, int Total)> ListAsync(WritingReportRequest request, CancellationToken ct = default)
    {
        var rows = Visible(request).Where(r => r.Serious + r.Warnings + r.Advice > 0);
        if (!string.IsNullOrEmpty(request.Type)) rows = rows.Where(r => r.ContentType == request.Type);
        var total = await rows.CountAsync(ct);
        var sorted = request.Sort switch
        {
            WritingReportSort.Type => rows.OrderBy(r => r.ContentType).ThenByDescending(r => r.Serious).ThenByDescending(r => r.Warnings).ThenByDescending(r => r.Advice),
            WritingReportSort.Published => rows.OrderByDescending(r => r.PublishedUtc),
            _ => rows.OrderByDescending(r => r.Serious).ThenByDescending(r => r.Warnings).ThenByDescending(r => r.Advice),
        };
        var page = await sorted.ThenBy(r => r.ContentItemId).Skip(request.Skip).Take(request.Take).AsNoTracking().ToListAsync(ct);
        return (page, total);
    }

    /// <summary>Per month of publishing, from the first of <paramref name="fromUtc"/>'s month, over the given types.</summary>
    public async Task<IReadOnlyList<WritingMonth>> MonthlyAsync(IReadOnlyList<string> types, DateTime fromUtc, CancellationToken ct = default)
    {
        var start = new DateTime(fromUtc.Year, fromUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return await db.Set<WritingFindingCounts>()
            .Where(r => r.PublishedUtc >= start && types.Contains(r.ContentType))
            .GroupBy(r => new { r.PublishedUtc.Year, r.PublishedUtc.Month })
            .Select(g => new WritingMonth(g.Key.Year, g.Key.Month, g.Count(), g.Sum(r => r.Serious), g.Sum(r => r.Warnings), g.Sum(r => r.Advice)))
            .ToListAsync(ct);
    }

    /// <summary>How many published items have no counts yet (published before the counts were kept).</summary>
    public Task<int> CountUncheckedAsync(CancellationToken ct = default) => Unchecked().CountAsync(ct);

    /// <summary>
    /// Checks up to <paramref name="batchSize"/> unchecked published items numbered after <paramref name="afterId"/> and
    /// returns how many it recorded and the last number it reached. The checks run on all cores (on one,
    /// <paramref name="oneCore"/>) before the transaction, which then only writes the counts of the items whose checked
    /// version is still the published one (a publish meanwhile recorded its own). A caller walking the store passes the
    /// last number back: started from the first row every time, each batch re-read every row checked before it, so
    /// the checks of 100,000 imported items cost more the further they got.
    /// </summary>
    public async Task<WritingCheckBatch> CheckUncheckedAsync(int batchSize, bool oneCore = false, long afterId = 0, CancellationToken ct = default)
    {
        var next = await Unchecked().Where(r => r.Id > afterId).OrderBy(r => r.Id).Select(r => new { r.Id, r.ContentItemId }).Take(batchSize).ToListAsync(ct);
        if (next.Count == 0) return new WritingCheckBatch(0, 0, afterId);
        var ids = next.Select(r => r.ContentItemId).ToList();
        var items = await content.GetPublishedAsync(ids, ct);
        var findings = await recorder.CheckAsync(items, oneCore, ct);
        var recordedCount = await transaction.RunAsync(async () =>
        {
            var versionIds = items.Select(i => i.ContentItemVersionId).ToList();
            var stillPublished = (await db.Set<ContentItemRecord>()
                .Where(r => r.Published && versionIds.Contains(r.ContentItemVersionId))
                .Select(r => r.ContentItemVersionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var recorded = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (!stillPublished.Contains(items[i].ContentItemVersionId)) continue;
                await recorder.WriteAsync(items[i], findings[i], items[i].PublishedUtc ?? items[i].ModifiedUtc ?? DateTime.UtcNow);
                recorded++;
            }
            return recorded;
        }, ct);
        return new WritingCheckBatch(next.Count, recordedCount, next[^1].Id);
    }

    private IQueryable<ContentItemRecord> Unchecked() =>
        db.Set<ContentItemRecord>().Where(r => r.Published && !db.Set<WritingFindingCounts>().Any(c => c.ContentItemId == r.ContentItemId));

    private IQueryable<WritingFindingCounts> Visible(WritingReportRequest request)
    {
        var all = request.AllItemsTypes;
        var own = request.OwnItemsTypes;
        var owner = request.OwnerId;
        if (own.Count == 0 || owner is null) return db.Set<WritingFindingCounts>().Where(r => all.Contains(r.ContentType));
        // Own items are the published version's owner's: the counts row is the published version's.
        return db.Set<WritingFindingCounts>().Where(r => all.Contains(r.ContentType)
            || (own.Contains(r.ContentType)
                && db.Set<ContentItemRecord>().Any(v => v.ContentItemId == r.ContentItemId && v.Published && v.Owner == owner)));
    }
}

/// <summary>A batch of writing checks: the unchecked items it found, the counts it recorded, the last row number it reached.</summary>
public sealed record WritingCheckBatch(int Found, int Recorded, long LastId);
