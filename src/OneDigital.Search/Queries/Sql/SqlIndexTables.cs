using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Search.Queries.Sql;

/// <summary>How a column of one of Orchard's index tables is read here: a version column or a part property.</summary>
internal abstract record SqlColumn(string Name)
{
    /// <summary>The value the column has for an item, for result rows.</summary>
    public abstract JsonNode? ValueOf(ContentItem item);

    /// <summary>A column of the version row (<see cref="ContentColumn"/>).</summary>
    public sealed record Version(string Name, ContentColumn Column) : SqlColumn(Name)
    {
        public override JsonNode? ValueOf(ContentItem item) => item.Data[Name]?.DeepClone();
    }

    /// <summary>
    /// A part property the field index holds (the part, the property's index row, which value of that row).
    /// ContainedPartIndex.Order is the number on the ListContentItemId row.
    /// </summary>
    public sealed record Part(string Name, string PartName, string Property, FieldValueKind Kind) : SqlColumn(Name)
    {
        public override JsonNode? ValueOf(ContentItem item) => item.Part(PartName)?[Name]?.DeepClone();
    }

    /// <summary>Orchard's DocumentId: YesSql's row number, which this store does not have; rows show the version id.</summary>
    public sealed record Document() : SqlColumn("DocumentId")
    {
        public override JsonNode? ValueOf(ContentItem item) => item.ContentItemVersionId;
    }
}

/// <param name="Existence">A part table holds rows only for items with the part: the column whose presence says so.</param>
internal sealed record SqlIndexTable(string Name, IReadOnlyList<SqlColumn> Columns, SqlColumn.Part? Existence)
{
    public SqlColumn? Find(string column) => Columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Orchard's index tables a SQL query may name, mapped onto this store's version rows and field index. Joins between
/// them mean "the same item" (they are joined on DocumentId or ContentItemId in Orchard's queries).
/// </summary>
internal static class SqlIndexTables
{
    private static readonly SqlColumn.Version ContentItemId = new("ContentItemId", ContentColumn.ContentItemId);
    private static readonly SqlColumn.Version Published = new("Published", ContentColumn.Published);
    private static readonly SqlColumn.Version Latest = new("Latest", ContentColumn.Latest);
    private static readonly SqlColumn.Document DocumentId = new();

    private static readonly SqlColumn.Part Path = new("Path", "AutoroutePart", "Path", FieldValueKind.Text);
    private static readonly SqlColumn.Part Alias = new("Alias", "AliasPart", "Alias", FieldValueKind.Text);
    private static readonly SqlColumn.Part ListContentItemId = new("ListContentItemId", "ContainedPart", "ListContentItemId", FieldValueKind.Text);
    private static readonly SqlColumn.Part Order = new("Order", "ContainedPart", "ListContentItemId", FieldValueKind.Number);
    private static readonly SqlColumn.Part Culture = new("Culture", "LocalizationPart", "Culture", FieldValueKind.Text);
    private static readonly SqlColumn.Part LocalizationSet = new("LocalizationSet", "LocalizationPart", "LocalizationSet", FieldValueKind.Text);

    public static readonly IReadOnlyList<SqlIndexTable> All =
    [
        new("ContentItemIndex",
        [
            DocumentId, ContentItemId, new SqlColumn.Version("ContentItemVersionId", ContentColumn.ContentItemVersionId),
            new SqlColumn.Version("ContentType", ContentColumn.ContentType), Published, Latest,
            new SqlColumn.Version("CreatedUtc", ContentColumn.CreatedUtc), new SqlColumn.Version("ModifiedUtc", ContentColumn.ModifiedUtc),
            new SqlColumn.Version("PublishedUtc", ContentColumn.PublishedUtc), new SqlColumn.Version("DisplayText", ContentColumn.DisplayText),
            new SqlColumn.Version("Owner", ContentColumn.Owner), new SqlColumn.Version("Author", ContentColumn.Author),
        ], null),
        new("AutoroutePartIndex", [DocumentId, ContentItemId, Path, Published, Latest], Path),
        new("AliasPartIndex", [DocumentId, ContentItemId, Alias, Published, Latest], Alias),
        new("ContainedPartIndex", [DocumentId, ListContentItemId, Order], ListContentItemId),
        new("LocalizedContentItemIndex", [DocumentId, ContentItemId, Published, Latest, Culture, LocalizationSet], Culture),
    ];

    public static SqlIndexTable? Find(string name) => All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
