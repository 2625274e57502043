// Why: the counts are written by the content events, in the publish's transaction (as Audit/AuditRecorder writes its
// rows), so a publish that rolls back leaves no counts and every published item's counts match what was published.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

public sealed class WritingFindingsRecorder(ContentDbContext db, ContentDefinitionStore definitions, WritingSettings settings, TimeProvider clock)
    : IContentEventHandler
{
    public Task PublishedAsync(ContentItem item) => RecordAsync(item, clock.GetUtcNow().UtcDateTime);

    /// <summary>Stores the item's counts as published at <paramref name="publishedUtc"/> (the backfill passes the item's own date).</summary>
    public async Task RecordAsync(ContentItem item, DateTime publishedUtc)
    {
        var reports = ItemBodies.Check(item, await definitions.GetAsync(), await settings.GetWordsAsync());
        var findings = reports.SelectMany(r => r.Report.Findings).ToList();
        var row = await db.Set<WritingFindingCounts>().FindAsync(item.ContentItemId);
        if (row is null)
        {
            row = new WritingFindingCounts { ContentItemId = item.ContentItemId };
            db.Add(row);
        }
        row.ContentItemVersionId = item.ContentItemVersionId;
        row.ContentType = item.ContentType;
        row.DisplayText = item.DisplayText is { Length: > 1024 } text ? text[..1024] : item.DisplayText;
        row.PublishedUtc = publishedUtc;
        row.Serious = findings.Count(f => f.Severity == WritingSeverity.Serious);
        row.Warnings = findings.Count(f => f.Severity == WritingSeverity.Warning);
        row.Advice = findings.Count(f => f.Severity == WritingSeverity.Advice);
        var ids = string.Join(",", findings.Select(f => f.CheckId).Distinct());
        row.CheckIds = ids.Length > 1024 ? ids[..1024] : ids;
        try
        {
            await db.SaveChangesAsync();
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public Task UnpublishedAsync(ContentItem item) => ForgetAsync(item);

    public Task RemovedAsync(ContentItem item) => ForgetAsync(item);

    private Task ForgetAsync(ContentItem item) =>
        db.Set<WritingFindingCounts>().Where(r => r.ContentItemId == item.ContentItemId).ExecuteDeleteAsync();
}
