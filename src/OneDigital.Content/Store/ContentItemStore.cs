using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;

namespace OneDigital.Content.Store;

/// <summary>Maps content item versions to rows and keeps the generic field index in step with them.</summary>
public sealed class ContentItemStore(ContentDbContext db)
{
    public ContentDbContext Db => db;

    public IQueryable<ContentItemRecord> Records => db.ContentItems.AsNoTracking();

    /// <summary>The generic field index, to filter and sort <see cref="Records"/> with <see cref="FieldIndexQueries"/>.</summary>
    public IQueryable<ContentFieldIndexRecord> FieldIndex => db.ContentFieldIndex.AsNoTracking();

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
        await db.SaveChangesAsync(ct);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ContentItemRecord or ContentFieldIndexRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }
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
            db.ContentFieldIndex.Add(new ContentFieldIndexRecord
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
                if (v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s))
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
