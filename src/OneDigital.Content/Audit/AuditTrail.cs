// Why: the one way in and out of the audit table: record joins the caller's open transaction (so a change that rolls
// back leaves no row), query pages newest first off the time index, purge drops what retention no longer keeps.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Audit;

public sealed class AuditTrail(ContentDbContext db, ContentActor actor, TimeProvider clock)
{
    private int _quiet;

    /// <summary>True while a bulk operation (a recipe import) records itself once instead of once per item.</summary>
    public bool IsQuiet => _quiet > 0;

    /// <summary>Content events in this scope are not recorded until the returned value is disposed.</summary>
    public IDisposable Quiet()
    {
        _quiet++;
        return new Unquiet(this);
    }

    /// <summary>Writes one row, inside the caller's transaction when one is open.</summary>
    public async Task<AuditEvent> RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        var row = new AuditEvent
        {
            Id = IdGenerator.NewId(),
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            Kind = entry.Kind,
            UserId = entry.UserName is null ? entry.UserId ?? actor.UserId : entry.UserId,
            UserName = Cap(entry.UserName ?? actor.UserName, 255),
            ContentItemId = entry.ContentItemId,
            ContentItemVersionId = entry.ContentItemVersionId,
            ContentType = Cap(entry.ContentType, 255),
            DisplayText = Cap(entry.DisplayText, 1024),
            Detail = Cap(entry.Detail, AuditEvent.MaxDetailLength),
            RemoteAddress = Cap(entry.RemoteAddress ?? actor.RemoteAddress, 64),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // Not kept tracked: a bulk publish would otherwise grow the scope's change tracker by a row per item.
            db.Entry(row).State = EntityState.Detached;
        }
        return row;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var filtered = Filtered(query);
        var total = await filtered.CountAsync(ct);
        var events = await PageOf(filtered, page, size).ToListAsync(ct);
        return new AuditPage(events, total, page, size);
    }

    /// <summary>Deletes the rows older than <paramref name="retentionDays"/> before now; returns how many. 0 keeps all.</summary>
    public Task<int> PurgeAsync(int retentionDays, CancellationToken ct = default)
    {
        if (retentionDays <= 0)
        {
            return Task.FromResult(0);
        }
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-retentionDays);
        // One statement on a range of the time index: running it on several nodes at once deletes each row once.
        return db.Set<AuditEvent>().Where(e => e.OccurredUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    internal IQueryable<AuditEvent> Filtered(AuditQuery query)
    {
        var rows = db.Set<AuditEvent>().AsNoTracking();
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var list = kinds.Distinct().ToList();
            rows = rows.Where(e => list.Contains(e.Kind));
        }
        if (!string.IsNullOrEmpty(query.UserName)) rows = rows.Where(e => e.UserName == query.UserName);
        if (!string.IsNullOrEmpty(query.ContentItemId)) rows = rows.Where(e => e.ContentItemId == query.ContentItemId);
        if (query.FromUtc is { } from) rows = rows.Where(e => e.OccurredUtc >= from);
        if (query.ToUtc is { } to) rows = rows.Where(e => e.OccurredUtc < to);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            // Translated to SQL's lower(... ) LIKE on both providers; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(e => (e.DisplayText != null && e.DisplayText.ToLower().Contains(text))
                || (e.Detail != null && e.Detail.ToLower().Contains(text))
                || (e.UserName != null && e.UserName.ToLower().Contains(text))
                || (e.ContentType != null && e.ContentType.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return rows;
    }

    internal static IQueryable<AuditEvent> PageOf(IQueryable<AuditEvent> rows, int page, int size) =>
        rows.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size);

    private static string? Cap(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");

    private sealed class Unquiet(AuditTrail trail) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            trail._quiet--;
        }
    }
}
