using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Querying;

/// <summary>
/// The front door for reading content: GraphQL, search, the REST APIs, recipes and part handlers read items only
/// through here, so the rows, the field index and the SQL stay the store's to plan. Scoped, like the store's context.
/// The reads made on every save or every GraphQL item are plain SQL or one query per batch.
/// </summary>
public sealed class ContentQuery(ContentDbContext db)
{
    private readonly ReusedCommands _commands = new(db);

    private IQueryable<ContentItemRecord> Records => db.ContentItems.AsNoTracking();

    private IQueryable<ContentFieldIndexRecord> FieldIndex => db.ContentFieldIndex.AsNoTracking();

    private IQueryable<Scheduling.ScheduledChange> Schedules => db.Set<Scheduling.ScheduledChange>().AsNoTracking();

    public Task<ContentItem?> GetPublishedAsync(string contentItemId, CancellationToken ct = default) => GetCurrentAsync(contentItemId, published: true, ct);

    public Task<ContentItem?> GetLatestAsync(string contentItemId, CancellationToken ct = default) => GetCurrentAsync(contentItemId, published: false, ct);

    // Plain SQL: read on every save and every REST read, where EF's LINQ pipeline cost several times the query.
    private async Task<ContentItem?> GetCurrentAsync(string contentItemId, bool published, CancellationToken ct)
    {
        var flag = published ? "\"Published\"" : "\"Latest\"";
        await using var command = await StoreCommands.SqlAsync(db,
            $"""SELECT "Latest", "Published", "Document" FROM "ContentItems" WHERE "ContentItemId" = @p0 AND {flag} = @p1 LIMIT 1""",
            ct, contentItemId, true);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return ContentItemStore.ToItem(reader.GetString(2), reader.GetBoolean(0), reader.GetBoolean(1));
    }

    /// <summary>
    /// The published versions of the items that have one, by item id, in one query (per thousand ids). Plain SQL: it is
    /// every GraphQL picker's, taxonomy's and container's batch, where EF's LINQ pipeline cost more than the query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ContentItem>> GetPublishedByIdAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken ct = default)
    {
        var items = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var chunk in contentItemIds.Distinct().Chunk(1_000))
        {
            await using var command = await StoreCommands.SqlAsync(db,
                $"""SELECT "ContentItemId", "Latest", "Published", "Document" FROM "ContentItems" WHERE "Published" = @p0 AND "ContentItemId" IN ({StoreCommands.InList(1, chunk.Length)})""",
                ct, [true, .. chunk]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                items[reader.GetString(0)] = ContentItemStore.ToItem(reader.GetString(3), reader.GetBoolean(1), reader.GetBoolean(2));
            }
        }
        return items;
    }

    /// <summary>The published versions of the items, in the order given (repeats once), in one query; items not published are left out.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetPublishedAsync(IReadOnlyList<string> contentItemIds, CancellationToken ct = default)
    {
        if (contentItemIds.Count == 0) return [];
        var distinct = contentItemIds.Distinct().ToList();
        var byId = await GetPublishedByIdAsync(distinct, ct);
        return [.. distinct.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken ct = default)
    {
        var record = await Records.FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId, ct);
        return record is null ? null : ContentItemStore.ToItem(record);
    }

    /// <summary>Every version of an item, oldest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken ct = default)
    {
        var records = await Records.Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id).ToListAsync(ct);
        return records.ConvertAll(ContentItemStore.ToItem);
    }

    /// <summary>
    /// The versions named, by version id, in one query: a history page reads only its own rows' documents (and the
    /// one before them, for what changed), however long the item's history is.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ContentItem>> GetVersionsByIdAsync(IReadOnlyCollection<string> contentItemVersionIds, CancellationToken ct = default)
    {
        if (contentItemVersionIds.Count == 0) return new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        var records = await Records.Where(r => contentItemVersionIds.Contains(r.ContentItemVersionId)).ToListAsync(ct);
        return records.ToDictionary(r => r.ContentItemVersionId, ContentItemStore.ToItem, StringComparer.Ordinal);
    }

    /// <summary>
    /// An item's history, oldest first and numbered from 1: the columns of each version, without reading the
    /// documents, so a long history lists as cheaply as a short one.
    /// </summary>
    public async Task<IReadOnlyList<ContentVersionInfo>> GetVersionHistoryAsync(string contentItemId, CancellationToken ct = default)
    {
        var rows = await Records.Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id)
            .Select(r => new { r.ContentItemVersionId, r.DisplayText, r.Latest, r.Published, r.CreatedUtc, r.ModifiedUtc, r.PublishedUtc, r.Owner, r.Author })
            .ToListAsync(ct);
        return rows.Select((r, i) => new ContentVersionInfo(
            i + 1, r.ContentItemVersionId, r.DisplayText, r.Latest, r.Published, r.CreatedUtc, r.ModifiedUtc, r.PublishedUtc, r.Owner, r.Author)).ToList();
    }

    /// <summary>The published (or latest) item with this AutoroutePart path (as stored: no leading slash).</summary>
    public Task<ContentItem?> GetByPathAsync(string path, bool latest = false, CancellationToken ct = default) =>
        GetByPartValueAsync("AutoroutePart", "Path", path, latest, ct);

    /// <summary>The published (or latest) item with this AliasPart alias.</summary>
    public Task<ContentItem?> GetByAliasAsync(string alias, bool latest = false, CancellationToken ct = default) =>
        GetByPartValueAsync("AliasPart", "Alias", alias, latest, ct);

    private async Task<ContentItem?> GetByPartValueAsync(string part, string field, string value, bool latest, CancellationToken ct)
    {
        var rows = FieldIndex.Where(f => f.PartName == part && f.FieldName == field && f.TextValue == value);
        var versions = (latest ? rows.Where(f => f.Latest) : rows.Where(f => f.Published)).Select(f => f.ContentItemRecordId);
        var record = await Records.Where(r => versions.Contains(r.Id)).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        return record is null ? null : ContentItemStore.ToItem(record);
    }

    /// <summary>A page of a type's versions: status, owner, filter, sort keys (newest first without), skip and take.</summary>
    public async Task<List<ContentItem>> ListAsync(ContentListRequest request, CancellationToken ct = default)
    {
        if (ContentListSql.PlainPage(request) is { } plain)
        {
            await using var command = await StoreCommands.SqlAsync(db, plain.Sql, ct, plain.Values);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<ContentItem>();
            while (await reader.ReadAsync(ct))
            {
                items.Add(ContentItemStore.ToItem(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)));
            }
            return items;
        }
        // PostgreSQL weighs a field condition's matches against the order's index walk itself; SQLite is told.
        var fieldsPlan = db.Database.IsSqlite() ? await ContentListSql.PlanFieldsAsync(request, db, ct) : FieldsPlan.Set;
        var filtered = ContentListSql.Filtered(request, Records, FieldIndex, Schedules, new TitleSearch.TitleCandidates(db), fieldsPlan);
        var query = ContentListSql.Page(request, filtered, Records, FieldIndex);
        var records = await query.ToListAsync(ct);
        return records.ConvertAll(ContentItemStore.ToItem);
    }

    /// <summary>How many versions the request's status, owner and filter select, whatever its sort and page.</summary>
    public Task<int> CountAsync(ContentListRequest request, CancellationToken ct = default) =>
        ContentListSql.Filtered(request, Records, FieldIndex, Schedules, new TitleSearch.TitleCandidates(db)).CountAsync(ct);

    /// <summary>
    /// For each item (of a page of a list), whether it has a published version, a draft (a latest version that is not
    /// published) and a pending scheduled change: two small queries on the item-id indexes, no documents read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ContentItemState>> GetStatesAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken ct = default)
    {
        if (contentItemIds.Count == 0) return new Dictionary<string, ContentItemState>();
        var flags = await Records.Where(r => contentItemIds.Contains(r.ContentItemId) && (r.Latest || r.Published))
            .Select(r => new { r.ContentItemId, r.Latest, r.Published }).ToListAsync(ct);
        var scheduled = await Schedules.Where(s => contentItemIds.Contains(s.ContentItemId) && s.State == Scheduling.ScheduleState.Pending)
            .Select(s => s.ContentItemId).Distinct().ToListAsync(ct);
        return contentItemIds.Distinct().ToDictionary(id => id, id => new ContentItemState(
            flags.Any(f => f.ContentItemId == id && f.Published),
            flags.Any(f => f.ContentItemId == id && f.Latest && !f.Published),
            scheduled.Contains(id)));
    }

    /// <summary>
    /// The published items contained in each list (ContainedPart), by position then version id, one page per list,
    /// read with two queries whatever the number of lists. Lists without items are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ContentItem>>> GetChildrenAsync(
        IReadOnlyCollection<string> listContentItemIds, int skip, int take, CancellationToken ct = default)
    {
        var rows = FieldIndex.Where(f => f.PartName == "ContainedPart" && f.FieldName == "ListContentItemId" && f.Published);
        List<(long Record, string List)> page;
        if (listContentItemIds.Count == 1)
        {
            // One list (the usual case): let the database page it.
            var listId = listContentItemIds.First();
            var ids = await rows.Where(f => f.TextValue == listId)
                .OrderBy(f => f.NumberValue).ThenBy(f => f.ContentItemRecordId)
                .Skip(skip).Take(take).Select(f => f.ContentItemRecordId).ToListAsync(ct);
            page = ids.ConvertAll(id => (id, listId));
        }
        else
        {
            // Several lists: their positions are small rows; page each in memory, then read only the page's documents.
            var all = await rows.Where(f => listContentItemIds.Contains(f.TextValue!))
                .Select(f => new { f.ContentItemRecordId, f.TextValue, f.NumberValue }).ToListAsync(ct);
            page = [.. all.GroupBy(f => f.TextValue!)
                .SelectMany(g => g.OrderBy(f => f.NumberValue).ThenBy(f => f.ContentItemRecordId).Skip(skip).Take(take)
                    .Select(f => (f.ContentItemRecordId, g.Key)))];
        }
        var recordIds = page.Select(p => p.Record).ToList();
        var records = await Records.Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return page.Where(p => records.ContainsKey(p.Record))
            .GroupBy(p => p.List)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContentItem>)[.. g.Select(p => ContentItemStore.ToItem(records[p.Record]))]);
    }

    /// <summary>
    /// The latest versions of the items in a list (drafts too, as its editor orders them), by position then version
    /// id, at most <paramref name="take"/>; and how many the list holds in all.
    /// </summary>
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> GetLatestChildrenAsync(string listContentItemId, int take, CancellationToken ct = default)
    {
        var rows = FieldIndex.Where(f => f.PartName == "ContainedPart" && f.FieldName == "ListContentItemId" && f.TextValue == listContentItemId && f.Latest);
        var total = await rows.CountAsync(ct);
        var ids = await rows.OrderBy(f => f.NumberValue).ThenBy(f => f.ContentItemRecordId).Take(take).Select(f => f.ContentItemRecordId).ToListAsync(ct);
        var records = await Records.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return ([.. ids.Where(records.ContainsKey).Select(id => ContentItemStore.ToItem(records[id]))], total);
    }

    /// <summary>
    /// The user names of the users with these ids, by id, in one query (a user picker's <c>users</c>): only the id and
    /// the name are read, so nothing else about a user can reach a reader.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return new Dictionary<string, string>();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => u.UserName ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// The latest versions of items that use a media file, at most <paramref name="take"/>, by title: a media field
    /// naming its library path (the field index) or a body linking <c>/media/{path}</c> (the documents, searched
    /// until enough are found).
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> FindMediaUsesAsync(string libraryPath, int take, CancellationToken ct = default)
    {
        var byField = await FieldIndex.Where(f => f.Latest && f.TextValue == libraryPath)
            .Select(f => f.ContentItemId).Distinct().Take(take).ToListAsync(ct);
        var link = "%/media/" + libraryPath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var byLink = await Records.Where(r => r.Latest && EF.Functions.Like(r.Document, link, "\\"))
            .Select(r => r.ContentItemId).Take(take).ToListAsync(ct);
        var ids = byField.Concat(byLink).Distinct().Take(take).ToList();
        var records = await Records.Where(r => r.Latest && ids.Contains(r.ContentItemId)).ToListAsync(ct);
        return records.Select(ContentItemStore.ToItem).OrderBy(i => i.DisplayText, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Whether the item has any version.</summary>
    public Task<bool> ExistsAsync(string contentItemId, CancellationToken ct = default) =>
        Records.AnyAsync(r => r.ContentItemId == contentItemId, ct);

    /// <summary>Every latest and every published version, oldest first, streamed (export).</summary>
    public async IAsyncEnumerable<ContentItem> StreamCurrentVersionsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var versions = Records.Where(r => r.Latest || r.Published).OrderBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var record in versions.WithCancellation(ct))
        {
            yield return ContentItemStore.ToItem(record);
        }
    }

    // The lookups made on every save run as plain SQL: through EF's LINQ pipeline each cost several times the query.

    /// <summary>
    /// The greatest position of a latest item in a list (other than the given item), or null for an empty list.
    /// The list's index rows carry each item's position, so this is one seek in the (part, field, text, number) index.
    /// </summary>
    public async Task<double?> LastOrderInListAsync(string listContentItemId, string exceptContentItemId, CancellationToken ct = default)
    {
        await using var command = await StoreCommands.SqlAsync(db,
            """SELECT MAX("NumberValue") FROM "ContentFieldIndex" WHERE "PartName" = 'ContainedPart' AND "FieldName" = 'ListContentItemId' AND "TextValue" = @p0 AND "Latest" = @p1 AND "ContentItemId" <> @p2""",
            ct, listContentItemId, true, exceptContentItemId);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Whether a live item other than the given one has this route.</summary>
    public async Task<bool> IsPathTakenAsync(string path, string exceptContentItemId, CancellationToken ct = default)
    {
        // Asked for every item an import writes: its command is kept prepared rather than prepared again each time.
        var command = await _commands.GetAsync(
            """SELECT 1 FROM "ContentFieldIndex" WHERE "PartName" = 'AutoroutePart' AND "FieldName" = 'Path' AND "TextValue" = @p0 AND "ContentItemId" <> @p1 LIMIT 1""",
            2, ct);
        ReusedCommands.Set(command.Parameters[0], path, System.Data.DbType.String);
        ReusedCommands.Set(command.Parameters[1], exceptContentItemId, System.Data.DbType.String);
        return await command.ExecuteScalarAsync(ct) is not null and not DBNull;
    }

    /// <summary>
    /// Per content type: items (latest versions), published ones, drafts (latest, not published) and items with a
    /// pending scheduled change, in two grouped queries whatever the number of types.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TypeStatusCounts>> CountByTypeAsync(CancellationToken ct = default)
    {
        var versions = await Records.Where(r => r.Latest || r.Published)
            .GroupBy(r => r.ContentType)
            .Select(g => new
            {
                Type = g.Key,
                Items = g.Count(r => r.Latest),
                Published = g.Count(r => r.Published),
                Drafts = g.Count(r => r.Latest && !r.Published),
            })
            .ToListAsync(ct);
        var pending = Schedules.Where(s => s.State == Scheduling.ScheduleState.Pending).Select(s => s.ContentItemId).Distinct();
        var scheduled = await Records.Where(r => r.Latest && pending.Contains(r.ContentItemId))
            .GroupBy(r => r.ContentType).Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Type, g => g.Count, ct);
        return versions.ToDictionary(v => v.Type, v => new TypeStatusCounts(v.Items, v.Published, v.Drafts, scheduled.GetValueOrDefault(v.Type)));
    }

    /// <summary>
    /// How many of <paramref name="contentTypes"/>' published versions were published in each month from
    /// <paramref name="fromUtc"/> (by their PublishedUtc: the last publish), months without any left out.
    /// </summary>
    public async Task<IReadOnlyList<MonthCount>> PublishedPerMonthAsync(IReadOnlyCollection<string> contentTypes, DateTime fromUtc, CancellationToken ct = default)
    {
        if (contentTypes.Count == 0) return [];
        var rows = await Records.Where(r => r.Published && r.PublishedUtc >= fromUtc && contentTypes.Contains(r.ContentType))
            .GroupBy(r => new { r.PublishedUtc!.Value.Year, r.PublishedUtc.Value.Month })
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
            .ToListAsync(ct);
        return [.. rows.OrderBy(m => m.Year).ThenBy(m => m.Month)];
    }
}

/// <summary>A content type's items by status (an item with a draft over its published version counts in both).</summary>
public sealed record TypeStatusCounts(int Items, int Published, int Drafts, int Scheduled);

/// <summary>A count for one calendar month (UTC).</summary>
public sealed record MonthCount(int Year, int Month, int Count);
