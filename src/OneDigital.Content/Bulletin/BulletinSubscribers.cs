// Why: the data-protection half of the e-bulletin, for the admin: find and page through subscribers, give a person
// (or the operator) everything held about them, and erase it. Erasing an address that had unsubscribed keeps only its
// hash on the suppression list, so it is never mailed again by a later import or mistake; erasing any other address
// leaves nothing, and the audit row names only the subscriber's former id.
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Content.Bulletin;

/// <summary>Every field held about one subscriber, as exported; the pending token's hash is a secret, so it is not here.</summary>
public sealed record BulletinSubscriberRecord(
    string Id,
    string Email,
    BulletinStatus Status,
    string ConsentWording,
    DateTime ConsentUtc,
    DateTime? ConfirmedUtc,
    DateTime? UnsubscribedUtc,
    bool ConfirmationPending,
    DateTime? ConfirmationSentUtc,
    string Source,
    DateTime CreatedUtc);

/// <summary>A page of the subscriber list, newest first.</summary>
public sealed record BulletinSubscriberPage(IReadOnlyList<BulletinSubscriberRecord> Subscribers, int Total, int Page, int PageSize);

/// <summary>What the list shows: a status, text in the address, a page.</summary>
public sealed record BulletinSubscriberQuery
{
    public const int MaxPageSize = 200;
    public BulletinStatus? Status { get; init; }
    public string? Text { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed class BulletinSubscribers(ContentDbContext db, StoreTransaction transaction, AuditTrail audit, TimeProvider clock)
{
    private IQueryable<BulletinSubscriber> Rows => db.Set<BulletinSubscriber>().AsNoTracking();

    public async Task<BulletinSubscriberPage> ListAsync(BulletinSubscriberQuery query, CancellationToken ct = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, BulletinSubscriberQuery.MaxPageSize);
        var rows = Rows;
        if (query.Status is { } status) rows = rows.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Addresses are stored lower-case, so a lower-cased search needs no SQL lower().
            var text = query.Text.Trim().ToLowerInvariant();
            rows = rows.Where(s => s.Email.Contains(text));
        }
        var total = await rows.CountAsync(ct);
        var found = await rows.OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new BulletinSubscriberPage(found.Select(Record).ToList(), total, page, size);
    }

    /// <summary>One subscriber by id, or null.</summary>
    public async Task<BulletinSubscriberRecord?> FindAsync(string id, CancellationToken ct = default) =>
        await Rows.SingleOrDefaultAsync(s => s.Id == id, ct) is { } row ? Record(row) : null;

    /// <summary>All fields of the subscriber with this address (any case), or null when there is none.</summary>
    /// <exception cref="BulletinException">Not an email address.</exception>
    public async Task<BulletinSubscriberRecord?> ExportAsync(string email, CancellationToken ct = default)
    {
        var address = BulletinAddress.Normalize(email);
        return await Rows.SingleOrDefaultAsync(s => s.Email == address, ct) is { } row ? Record(row) : null;
    }

    /// <summary>Every subscriber as CSV (a header row, then oldest first), written to <paramref name="output"/> in pages.</summary>
    public async Task ExportCsvAsync(Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync("Id,Email,Status,ConsentWording,ConsentUtc,ConfirmedUtc,UnsubscribedUtc,ConfirmationPending,ConfirmationSentUtc,Source,CreatedUtc\r\n");
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            // Pages in a fixed order, so a long list never sits in memory at once.
            var page = await Rows.OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).Skip(skip).Take(batch).ToListAsync(ct);
            foreach (var r in page.Select(Record))
            {
                await writer.WriteAsync(string.Join(',',
                    Cell(r.Id), Cell(r.Email), Cell(r.Status.ToString()), Cell(r.ConsentWording), Cell(Time(r.ConsentUtc)),
                    Cell(Time(r.ConfirmedUtc)), Cell(Time(r.UnsubscribedUtc)), Cell(r.ConfirmationPending ? "true" : "false"),
                    Cell(Time(r.ConfirmationSentUtc)), Cell(r.Source), Cell(Time(r.CreatedUtc))) + "\r\n");
            }
            if (page.Count < batch) break;
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// Deletes everything held about the address; true when there was a subscriber. An address that had unsubscribed
    /// leaves its SHA-256 on the suppression list (see <see cref="IsSuppressedAsync"/>).
    /// </summary>
    /// <exception cref="BulletinException">Not an email address.</exception>
    public async Task<bool> EraseAsync(string email, CancellationToken ct = default)
    {
        var address = BulletinAddress.Normalize(email);
        return await transaction.RunAsync(async () =>
        {
            var row = await db.Set<BulletinSubscriber>().SingleOrDefaultAsync(s => s.Email == address, ct);
            if (row is null) return false;
            db.Remove(row);
            if (row.Status == BulletinStatus.Unsubscribed)
            {
                var hash = BulletinAddress.Hash(address);
                if (!await db.Set<BulletinSuppression>().AnyAsync(s => s.EmailHash == hash, ct))
                {
                    db.Add(new BulletinSuppression { EmailHash = hash, SuppressedUtc = clock.GetUtcNow().UtcDateTime });
                }
            }
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry(AuditKind.BulletinErased)
            {
                Detail = $"subscriber {row.Id}{(row.Status == BulletinStatus.Unsubscribed ? " (address kept as a suppression hash)" : "")}",
            }, ct);
            return true;
        }, ct);
    }

    /// <summary>Whether an erased address is on the suppression list (it had unsubscribed and has not confirmed since).</summary>
    public Task<bool> IsSuppressedAsync(string email, CancellationToken ct = default)
    {
        var hash = BulletinAddress.Hash(BulletinAddress.Normalize(email));
        return db.Set<BulletinSuppression>().AsNoTracking().AnyAsync(s => s.EmailHash == hash, ct);
    }

    private static BulletinSubscriberRecord Record(BulletinSubscriber s) => new(
        s.Id, s.Email, s.Status, s.ConsentWording, s.ConsentUtc, s.ConfirmedUtc, s.UnsubscribedUtc,
        s.Status == BulletinStatus.Pending && s.ConfirmationTokenHash is not null, s.ConfirmationSentUtc, s.Source, s.CreatedUtc);

    private static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
