using System.Collections.Concurrent;
using System.Data;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;

namespace OneDigital.Content.Store;

/// <summary>
/// Maps content item versions to rows and keeps the generic field index in step with them: the write side of the
/// store, used by <see cref="ContentManager"/>. Reads go through the content query API, the front door above the store.
/// </summary>
internal sealed class ContentItemStore(ContentDbContext db)
{
    /// <summary>Versions added since the last save, and the index rows of versions added or updated; written by <see cref="SaveAsync"/>.</summary>
    private readonly List<ContentItemRecord> _pendingVersions = [];
    private readonly List<ContentFieldIndexRecord> _pendingIndexRows = [];
    private readonly ReusedCommands _commands = new(db);

    public async Task<List<ContentItemRecord>> VersionsAsync(string contentItemId, CancellationToken ct = default) =>
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// The latest and published versions of the items whose latest version is in the list (ContainedPart), tracked
    /// for an in-place update; read from the list's index rows, so only the list's items are loaded.
    /// </summary>
    public async Task<List<ContentItemRecord>> ContainedVersionsAsync(string listContentItemId, CancellationToken ct = default)
    {
        var ids = db.ContentFieldIndex
            .Where(f => f.PartName == "ContainedPart" && f.FieldName == "ListContentItemId" && f.TextValue == listContentItemId && f.Latest)
            .Select(f => f.ContentItemId);
        return await db.ContentItems.Where(r => ids.Contains(r.ContentItemId) && (r.Latest || r.Published)).OrderBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<HashSet<string>> StoredItemIdsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken ct = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in contentItemIds.Distinct().Chunk(500))
        {
            found.UnionWith(await db.ContentItems.AsNoTracking().Where(r => chunk.Contains(r.ContentItemId)).Select(r => r.ContentItemId).Distinct().ToListAsync(ct));
        }
        return found;
    }

    public async Task<HashSet<string>> StoredVersionIdsAsync(IReadOnlyCollection<string> versionIds, CancellationToken ct = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in versionIds.Distinct().Chunk(500))
        {
            found.UnionWith(await db.ContentItems.AsNoTracking().Where(r => chunk.Contains(r.ContentItemVersionId)).Select(r => r.ContentItemVersionId).ToListAsync(ct));
        }
        return found;
    }

    public Task<ContentItemRecord?> FindVersionAsync(string versionId, CancellationToken ct = default) =>
        db.ContentItems.FirstOrDefaultAsync(r => r.ContentItemVersionId == versionId, ct);

    /// <summary>The one "row to item": every read of a version goes through here.</summary>
    public static ContentItem ToItem(ContentItemRecord record) => ToItem(record.Document, record.Latest, record.Published);

    public static ContentItem ToItem(string document, bool latest, bool published)
    {
        var item = ContentItem.Parse(document);
        // The columns are the truth for the version flags; the document copy is refreshed on read.
        item.Latest = latest;
        item.Published = published;
        return item;
    }

    public ContentItemRecord Insert(ContentItem item, ContentDefinitionDocument definitions)
    {
        var record = new ContentItemRecord();
        CopyToRecord(item, record);
        _pendingVersions.Add(record);
        AddIndexRows(record, item, definitions);
        return record;
    }

    public async Task UpdateAsync(ContentItemRecord record, ContentItem item, ContentDefinitionDocument definitions, CancellationToken ct = default)
    {
        CopyToRecord(item, record);
        if (record.Id != 0)
        {
            await db.ContentFieldIndex.Where(x => x.ContentItemRecordId == record.Id).ExecuteDeleteAsync(ct);
        }
        AddIndexRows(record, item, definitions);
    }

    /// <summary>
    /// Checks, inside the open transaction, that <paramref name="versionId"/> is still the item's latest version, with
    /// one conditional UPDATE that must match exactly one row: the row lock it takes makes a concurrent writer from the
    /// same base wait and then find the condition false, where a read followed by a write would let both pass. With
    /// <paramref name="release"/> the row also gives up its Latest flag (its document and index rows follow), for a
    /// caller about to write a new latest version; without it the row is only locked until the transaction ends.
    /// </summary>
    public async Task<bool> ClaimLatestAsync(string contentItemId, string versionId, bool release, CancellationToken ct = default)
    {
        var row = db.ContentItems.Where(r => r.ContentItemId == contentItemId && r.ContentItemVersionId == versionId && r.Latest);
        var claimed = await row.ExecuteUpdateAsync(s => s.SetProperty(r => r.Latest, !release), ct);
        if (claimed != 1)
        {
            return false;
        }
        if (release)
        {
            var record = await db.ContentItems.FirstAsync(r => r.ContentItemVersionId == versionId, ct);
            await SetFlagsAsync(record, false, record.Published, ct);
        }
        return true;
    }

    /// <summary>Takes the Latest and/or Published flag away from every other version of the item.</summary>
    public async Task ClearFlagsAsync(string contentItemId, long keepRecordId, bool latest, bool published, CancellationToken ct = default)
    {
        var others = await db.ContentItems
            .Where(r => r.ContentItemId == contentItemId && r.Id != keepRecordId && ((latest && r.Latest) || (published && r.Published)))
            .ToListAsync(ct);
        foreach (var other in others)
        {
            if (latest) other.Latest = false;
            if (published) other.Published = false;
            await SetFlagsAsync(other, other.Latest, other.Published, ct);
        }
    }

    /// <summary>Sets a version's flags in its row, its document and its index rows.</summary>
    public async Task SetFlagsAsync(ContentItemRecord record, bool latest, bool published, CancellationToken ct = default)
    {
        record.Latest = latest;
        record.Published = published;
        var item = ContentItem.Parse(record.Document);
        item.Latest = latest;
        item.Published = published;
        record.Document = item.ToJson();
        if (record.Id == 0)
        {
            return;
        }
        var rows = db.ContentFieldIndex.Where(x => x.ContentItemRecordId == record.Id);
        if (!latest && !published)
        {
            await rows.ExecuteDeleteAsync(ct);
        }
        else
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(x => x.Latest, latest).SetProperty(x => x.Published, published), ct);
        }
    }

    /// <summary>Writes pending changes and stops tracking content rows, so long imports keep a flat memory profile.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        if ((_pendingVersions.Count > 0 || _pendingIndexRows.Count > 0) && db.Database.CurrentTransaction is null)
        {
            // A version and its index rows are written by separate commands; they commit together.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SaveChangesAndIndexRowsAsync(ct);
            await transaction.CommitAsync(ct);
        }
        else
        {
            await SaveChangesAndIndexRowsAsync(ct);
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ContentItemRecord or ContentFieldIndexRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task SaveChangesAndIndexRowsAsync(CancellationToken ct)
    {
        // Taken before saving, so that what a failed save held is not written by a later one.
        var versions = _pendingVersions.ToList();
        var rows = _pendingIndexRows.ToList();
        _pendingVersions.Clear();
        _pendingIndexRows.Clear();
        // Saving with nothing to save still costs EF a savepoint round trip inside a transaction.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        foreach (var version in versions)
        {
            await InsertVersionAsync(version, ct);
        }
        foreach (var row in rows)
        {
            row.ContentItemRecordId = row.Version!.Id;
        }
        foreach (var run in RunsOfOneVersion(rows))
        {
            foreach (var chunk in run.Chunk(IndexRowsPerCommand))
            {
                await InsertIndexRowsAsync(chunk, ct);
            }
        }
    }

    /// <summary>Consecutive rows that share the values <see cref="RawInsert.IndexRows"/> binds once per command.</summary>
    private static IEnumerable<List<ContentFieldIndexRecord>> RunsOfOneVersion(List<ContentFieldIndexRecord> rows)
    {
        var run = new List<ContentFieldIndexRecord>();
        foreach (var row in rows)
        {
            if (run.Count > 0 && !SameVersion(run[0], row))
            {
                yield return run;
                run = [];
            }
            run.Add(row);
        }
        if (run.Count > 0) yield return run;
    }

    private static bool SameVersion(ContentFieldIndexRecord a, ContentFieldIndexRecord b) =>
        a.ContentItemRecordId == b.ContentItemRecordId && a.Latest == b.Latest && a.Published == b.Published
        && string.Equals(a.ContentItemId, b.ContentItemId, StringComparison.Ordinal) && string.Equals(a.ContentType, b.ContentType, StringComparison.Ordinal);

    /// <summary>
    /// New versions and their index rows are written with plain INSERTs rather than through the change tracker: for
    /// rows that are written once and not read back, EF's change tracking and its one-command-per-row SQLite batches
    /// were most of the cost of creating an item. Rows changed later (flags, updates) still go through EF.
    /// </summary>
    private async Task InsertVersionAsync(ContentItemRecord version, CancellationToken ct)
    {
        var insert = RawInsert.Versions(db);
        var command = await _commands.GetAsync(insert.Sql(1), insert.ParameterCount(1), ct);
        insert.SetRow(command.Parameters, 0, VersionValues(version));
        version.Id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task InsertIndexRowsAsync(IReadOnlyList<ContentFieldIndexRecord> rows, CancellationToken ct)
    {
        var insert = RawInsert.IndexRows(db);
        var command = await _commands.GetAsync(insert.Sql(rows.Count), insert.ParameterCount(rows.Count), ct);
        for (var r = 0; r < rows.Count; r++)
        {
            insert.SetRow(command.Parameters, r, IndexValues(rows[r]));
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private const int IndexRowsPerCommand = 200;

    private static object?[] VersionValues(ContentItemRecord r) =>
    [
        r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Latest, r.Published,
        r.CreatedUtc, r.ModifiedUtc, r.PublishedUtc, r.Owner, r.Author, r.Document,
    ];

    private static object?[] IndexValues(ContentFieldIndexRecord r) =>
    [
        r.ContentItemRecordId, r.ContentItemId, r.ContentType, r.Latest, r.Published,
        r.PartName, r.FieldName, r.TextValue, r.NumberValue, r.DateValue, r.BooleanValue,
    ];

    /// <summary>An INSERT statement for one of the content tables, with names as the EF model maps them for the provider.</summary>
    private sealed class RawInsert
    {
        public static readonly string[] VersionColumns =
        [
            nameof(ContentItemRecord.ContentItemId), nameof(ContentItemRecord.ContentItemVersionId), nameof(ContentItemRecord.ContentType),
            nameof(ContentItemRecord.DisplayText), nameof(ContentItemRecord.Latest), nameof(ContentItemRecord.Published),
            nameof(ContentItemRecord.CreatedUtc), nameof(ContentItemRecord.ModifiedUtc), nameof(ContentItemRecord.PublishedUtc),
            nameof(ContentItemRecord.Owner), nameof(ContentItemRecord.Author), nameof(ContentItemRecord.Document),
        ];

        // The first five are the version's and the same in every row of a command (IndexSharedColumns).
        public static readonly string[] IndexColumns =
        [
            nameof(ContentFieldIndexRecord.ContentItemRecordId), nameof(ContentFieldIndexRecord.ContentItemId),
            nameof(ContentFieldIndexRecord.ContentType), nameof(ContentFieldIndexRecord.Latest),
            nameof(ContentFieldIndexRecord.Published), nameof(ContentFieldIndexRecord.PartName),
            nameof(ContentFieldIndexRecord.FieldName), nameof(ContentFieldIndexRecord.TextValue),
            nameof(ContentFieldIndexRecord.NumberValue), nameof(ContentFieldIndexRecord.DateValue),
            nameof(ContentFieldIndexRecord.BooleanValue),
        ];

        private const int IndexSharedColumns = 5;

        // A null parameter still needs a type for PostgreSQL to accept it in a typed column.
        private static readonly DbType[] VersionNullTypes =
        [
            DbType.String, DbType.String, DbType.String, DbType.String, DbType.Boolean, DbType.Boolean,
            DbType.DateTime, DbType.DateTime, DbType.DateTime, DbType.String, DbType.String, DbType.String,
        ];

        private static readonly DbType[] IndexNullTypes =
        [
            DbType.Int64, DbType.String, DbType.String, DbType.Boolean, DbType.Boolean,
            DbType.String, DbType.String, DbType.String, DbType.Double, DbType.DateTime, DbType.Boolean,
        ];

        private static readonly ConcurrentDictionary<(Type, Type), RawInsert> Cache = new();

        private readonly string _prefix;
        private readonly string _returning;
        private readonly DbType[] _nullTypes;
        private readonly int _shared;
        private readonly ConcurrentDictionary<int, string> _sqlByRows = new();

        private RawInsert(string prefix, string returning, DbType[] nullTypes, int shared)
        {
            _prefix = prefix;
            _returning = returning;
            _nullTypes = nullTypes;
            _shared = shared;
        }

        public static RawInsert Versions(ContentDbContext db) => For<ContentItemRecord>(db, VersionColumns, VersionNullTypes, shared: 0);

        /// <summary>
        /// Index rows of one version per command: its five values are bound once for all the rows, since SQLite's
        /// provider looks every parameter up by name on each run, and that lookup and binding cost as much as the rows.
        /// </summary>
        public static RawInsert IndexRows(ContentDbContext db) => For<ContentFieldIndexRecord>(db, IndexColumns, IndexNullTypes, IndexSharedColumns);

        public int ParameterCount(int rows) => _shared + rows * (_nullTypes.Length - _shared);

        /// <summary>The parameter of column <paramref name="column"/> in row <paramref name="row"/>: shared columns have one for every row.</summary>
        private int Parameter(int row, int column) =>
            column < _shared ? column : _shared + row * (_nullTypes.Length - _shared) + column - _shared;

        /// <summary>
        /// <c>INSERT INTO table (columns) VALUES (@p0, ...), (...)</c> for <paramref name="rows"/> rows; one row also
        /// returns its new key. Kept per row count, so the same text reuses the same prepared command.
        /// </summary>
        public string Sql(int rows) => _sqlByRows.GetOrAdd(rows, n =>
        {
            var sql = new StringBuilder(_prefix);
            for (var r = 0; r < n; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < _nullTypes.Length; c++)
                {
                    sql.Append(c == 0 ? "@p" : ", @p").Append(Parameter(r, c));
                }
                sql.Append(')');
            }
            return n == 1 ? sql.Append(_returning).ToString() : sql.ToString();
        });

        /// <summary>Sets row <paramref name="row"/>'s values; the shared ones are set from the first row (the caller gives rows that agree on them).</summary>
        public void SetRow(System.Data.Common.DbParameterCollection parameters, int row, object?[] values)
        {
            for (var c = row == 0 ? 0 : _shared; c < values.Length; c++)
            {
                ReusedCommands.Set(parameters[Parameter(row, c)], values[c], _nullTypes[c]);
            }
        }

        private static RawInsert For<T>(ContentDbContext db, string[] columns, DbType[] nullTypes, int shared) =>
            Cache.GetOrAdd((db.GetType(), typeof(T)), _ =>
            {
                var entity = db.Model.FindEntityType(typeof(T))!;
                var sql = db.GetService<ISqlGenerationHelper>();
                var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
                var names = columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c)!.GetColumnName()));
                var key = sql.DelimitIdentifier(entity.FindProperty("Id")!.GetColumnName());
                return new RawInsert(
                    $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ",
                    $" RETURNING {key} AS {sql.DelimitIdentifier("Value")}",
                    nullTypes,
                    shared);
            });
    }

    private static void CopyToRecord(ContentItem item, ContentItemRecord record)
    {
        record.ContentItemId = item.ContentItemId;
        record.ContentItemVersionId = item.ContentItemVersionId;
        record.ContentType = item.ContentType;
        record.DisplayText = item.DisplayText is { Length: > 1024 } text ? text[..1024] : item.DisplayText;
        record.Latest = item.Latest;
        record.Published = item.Published;
        record.CreatedUtc = item.CreatedUtc;
        record.ModifiedUtc = item.ModifiedUtc;
        record.PublishedUtc = item.PublishedUtc;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.Document = item.ToJson();
    }

    private void AddIndexRows(ContentItemRecord record, ContentItem item, ContentDefinitionDocument definitions)
    {
        if (!item.Latest && !item.Published)
        {
            return;
        }
        foreach (var (part, field, value) in IndexEntries(item, definitions))
        {
            _pendingIndexRows.Add(new ContentFieldIndexRecord
            {
                Version = record,
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                PartName = part,
                FieldName = field,
                Latest = item.Latest,
                Published = item.Published,
                TextValue = value.Text,
                NumberValue = value.Number,
                DateValue = value.Date,
                BooleanValue = value.Boolean,
            });
        }
    }

    /// <summary>The index entries of an item: every field of its parts, plus the part properties queries use.</summary>
    public static IEnumerable<(string Part, string Field, FieldIndexValue Value)> IndexEntries(ContentItem item, ContentDefinitionDocument definitions)
    {
        var type = definitions.Type(item.ContentType);
        if (type is not null)
        {
            foreach (var typePart in type.Parts)
            {
                var partDefinition = definitions.Part(typePart.PartName);
                if (partDefinition is null || item.Part(typePart.Name) is not { } partJson)
                {
                    continue;
                }
                foreach (var field in partDefinition.Fields)
                {
                    if (field.Kind is not { } kind) continue;
                    foreach (var value in FieldIndexValues.Of(kind, partJson[field.Name] as JsonObject))
                    {
                        yield return (typePart.Name, field.Name, value);
                    }
                }
            }
        }
        foreach (var (part, property) in PartProperties)
        {
            if (item.Part(part)?[property] is JsonValue v)
            {
                if (part == "ContainedPart" && property == "ListContentItemId" && JsonValues.NonEmptyString(v) is { } listId)
                {
                    // The list row also holds the position, so a list's items are found and ordered by one index.
                    yield return (part, property, new FieldIndexValue(Text: listId, Number: JsonValues.Number(item.Part(part)?["Order"])));
                }
                else if (v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s))
                {
                    yield return (part, property, new FieldIndexValue(Text: FieldIndexValues.Truncate(s)));
                }
                else if (JsonValues.Number(v) is { } n)
                {
                    yield return (part, property, new FieldIndexValue(Number: n));
                }
            }
        }
    }

    // The title is the version row's DisplayText, and the list row carries the position, so neither needs a row.
    private static readonly (string Part, string Property)[] PartProperties =
    [
        ("AutoroutePart", "Path"),
        ("AliasPart", "Alias"),
        ("ContainedPart", "ListContentItemId"),
        ("TermPart", "TaxonomyContentItemId"),
        // Lists filter by culture, and an item's other localizations are found by their set.
        ("LocalizationPart", "Culture"),
        ("LocalizationPart", "LocalizationSet"),
    ];
}
