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

/// <summary>Maps content item versions to rows and keeps the generic field index in step with them.</summary>
public sealed class ContentItemStore(ContentDbContext db)
{
    /// <summary>Index rows of versions added or updated since the last save; written by <see cref="SaveAsync"/>.</summary>
    private readonly List<ContentFieldIndexRecord> _pendingIndexRows = [];

    public ContentDbContext Db => db;

    public IQueryable<ContentItemRecord> Records => db.ContentItems.AsNoTracking();

    public async Task<List<ContentItemRecord>> VersionsAsync(string contentItemId, CancellationToken ct = default) =>
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id).ToListAsync(ct);

    public Task<ContentItemRecord?> FindVersionAsync(string versionId, CancellationToken ct = default) =>
        db.ContentItems.FirstOrDefaultAsync(r => r.ContentItemVersionId == versionId, ct);

    public static ContentItem ToItem(ContentItemRecord record)
    {
        var item = ContentItem.Parse(record.Document);
        // The columns are the truth for the version flags; the document copy is refreshed on read.
        item.Latest = record.Latest;
        item.Published = record.Published;
        return item;
    }

    public ContentItemRecord Insert(ContentItem item, ContentDefinitionDocument definitions)
    {
        var record = new ContentItemRecord();
        CopyToRecord(item, record);
        db.ContentItems.Add(record);
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
    /// The greatest position of a latest item in a list (other than the given item), or null for an empty list.
    /// The list's index rows carry each item's position, so this is one seek in the (part, field, text, number) index.
    /// </summary>
    public Task<double?> LastOrderInListAsync(string listContentItemId, string exceptContentItemId, CancellationToken ct = default) =>
        db.ContentFieldIndex
            .Where(x => x.PartName == "ContainedPart" && x.FieldName == "ListContentItemId" && x.TextValue == listContentItemId
                && x.Latest && x.ContentItemId != exceptContentItemId)
            .MaxAsync(x => x.NumberValue, ct);

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
        if (_pendingIndexRows.Count > 0 && db.Database.CurrentTransaction is null)
        {
            // The version and its index rows are written by two commands; they commit together.
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
        // Taken before saving, so that rows of a failed save are not written by a later one.
        var rows = _pendingIndexRows.ToList();
        _pendingIndexRows.Clear();
        await db.SaveChangesAsync(ct);
        if (rows.Count == 0)
        {
            return;
        }
        foreach (var row in rows)
        {
            row.ContentItemRecordId = row.Version!.Id;
        }
        foreach (var chunk in rows.Chunk(IndexRowsPerCommand))
        {
            await InsertIndexRowsAsync(chunk, ct);
        }
    }

    /// <summary>
    /// Index rows go in as one multi-row INSERT rather than through the change tracker: EF Core's SQLite provider
    /// sends one command per row, and an item has a dozen rows, which made index writes most of the cost of a save.
    /// </summary>
    private async Task InsertIndexRowsAsync(IReadOnlyList<ContentFieldIndexRecord> rows, CancellationToken ct)
    {
        var table = IndexTable.Value(db);
        var sql = new StringBuilder(table.InsertPrefix);
        var parameters = new List<object>(rows.Count * IndexTable.Columns.Length);
        using var factory = db.Database.GetDbConnection().CreateCommand();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            sql.Append(r == 0 ? "(" : ", (");
            object?[] values =
            [
                row.ContentItemRecordId, row.ContentItemId, row.ContentType, row.PartName, row.FieldName, row.Latest, row.Published,
                row.TextValue, row.NumberValue, row.DateValue, row.BooleanValue,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                var parameter = factory.CreateParameter();
                parameter.ParameterName = $"@i{parameters.Count}";
                parameter.Value = values[c] ?? DBNull.Value;
                if (values[c] is null) parameter.DbType = IndexTable.NullTypes[c];
                parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
            }
            sql.Append(')');
        }
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    private const int IndexRowsPerCommand = 200;

    /// <summary>The index table's name and columns as the model maps them (providers may quote or name them differently).</summary>
    private sealed class IndexTable(string insertPrefix)
    {
        public static readonly string[] Columns =
        [
            nameof(ContentFieldIndexRecord.ContentItemRecordId), nameof(ContentFieldIndexRecord.ContentItemId),
            nameof(ContentFieldIndexRecord.ContentType), nameof(ContentFieldIndexRecord.PartName),
            nameof(ContentFieldIndexRecord.FieldName), nameof(ContentFieldIndexRecord.Latest),
            nameof(ContentFieldIndexRecord.Published), nameof(ContentFieldIndexRecord.TextValue),
            nameof(ContentFieldIndexRecord.NumberValue), nameof(ContentFieldIndexRecord.DateValue),
            nameof(ContentFieldIndexRecord.BooleanValue),
        ];

        // A null parameter still needs a type for PostgreSQL to accept it in a typed column.
        public static readonly DbType[] NullTypes =
        [
            DbType.Int64, DbType.String, DbType.String, DbType.String,
            DbType.String, DbType.Boolean, DbType.Boolean, DbType.String,
            DbType.Double, DbType.DateTime, DbType.Boolean,
        ];

        private static readonly ConcurrentDictionary<Type, IndexTable> ByContext = new();

        public string InsertPrefix { get; } = insertPrefix;

        public static IndexTable Value(ContentDbContext db) => ByContext.GetOrAdd(db.GetType(), _ =>
        {
            var entity = db.Model.FindEntityType(typeof(ContentFieldIndexRecord))!;
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            var columns = Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c)!.GetColumnName()));
            return new IndexTable($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
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
                    foreach (var value in ContentFieldKinds.IndexValues(field.FieldName, partJson[field.Name] as JsonObject))
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
                if (part == "ContainedPart" && property == "ListContentItemId" && ContentFieldKinds.Text(v) is { } listId)
                {
                    // The list row also holds the position, so a list's items are found and ordered by one index.
                    yield return (part, property, new FieldIndexValue(Text: listId, Number: ContentFieldKinds.Number(item.Part(part)?["Order"])));
                }
                else if (v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s))
                {
                    yield return (part, property, new FieldIndexValue(Text: s.Length > ContentFieldKinds.MaxIndexedText ? s[..ContentFieldKinds.MaxIndexedText] : s));
                }
                else if (ContentFieldKinds.Number(v) is { } n)
                {
                    yield return (part, property, new FieldIndexValue(Number: n));
                }
            }
        }
    }

    private static readonly (string Part, string Property)[] PartProperties =
    [
        ("TitlePart", "Title"),
        ("AutoroutePart", "Path"),
        ("AliasPart", "Alias"),
        ("ContainedPart", "ListContentItemId"),
        ("ContainedPart", "Order"),
        ("TermPart", "TaxonomyContentItemId"),
    ];
}
