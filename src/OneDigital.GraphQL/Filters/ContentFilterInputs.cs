using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Querying;
using OneDigital.GraphQL.Schema;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// Builds a content type's <c>{Type}WhereInput</c> and <c>{Type}OrderByInput</c>: Orchard's filters on the item's
/// columns and parts, and beyond Orchard, a nested input per part with content fields (named like the part's field
/// in the item type: <c>event</c> for Event's own fields, <c>seo</c> for a Seo part) with typed filters on each field
/// through the generic field index, and sort keys on them.
/// </summary>
internal sealed class ContentFilterInputs(SchemaBuildContext schema) : IFieldKindVisitor<ContentFilterInputs.FieldFilter>
{
    /// <summary>
    /// How a field kind is filtered and sorted through the generic field index: its operators, the input scalar, the
    /// kind of index value it is stored as, and whether it sorts.
    /// </summary>
    internal sealed record FieldFilter(string[] Operators, IGraphType? Type, FieldValueKind Values, bool Sorts)
    {
        /// <summary>Kinds without index values: no filters, no sort key.</summary>
        public static readonly FieldFilter None = new([], null, FieldValueKind.Text, false);
    }

    private SchemaScalars S => schema.Scalars;
    private WhereInputGraphType? _autoroute, _alias, _contained;

    public WhereInputGraphType Where(ContentTypeDefinition type, string typeName)
    {
        var input = new WhereInputGraphType(schema.UniqueTypeName(typeName + "WhereInput", "_"),
            $"Filters on {typeName} items. Filters on the item's columns use Orchard's suffixes (_not, _in, _contains, _gt...); " +
            "AND, OR and NOT combine inputs. Part filters (autoroutePart, aliasPart, containedPart) and content field filters " +
            "(one input per part with fields, named as the part's field on the type) use the generic field index.");
        foreach (var (field, property, subject) in new[] { ("contentItemId", ContentColumn.ContentItemId, "The item id"), ("contentItemVersionId", ContentColumn.ContentItemVersionId, "The version id") })
        {
            foreach (var op in FilterOperators.Identity)
            {
                input.AddFilter(FilterOperators.Name(field, op), ListIf(op, S.Id), FilterOperators.Describe(subject, op), WhereInputGraphType.Column(property, op));
            }
        }
        foreach (var (field, property) in new[] { ("displayText", ContentColumn.DisplayText), ("owner", ContentColumn.Owner), ("author", ContentColumn.Author) })
        {
            foreach (var op in FilterOperators.Text)
            {
                input.AddFilter(FilterOperators.Name(field, op), ListIf(op, S.String), FilterOperators.Describe(field, op), WhereInputGraphType.Column(property, op));
            }
        }
        foreach (var (field, property) in new[] { ("createdUtc", ContentColumn.CreatedUtc), ("modifiedUtc", ContentColumn.ModifiedUtc), ("publishedUtc", ContentColumn.PublishedUtc) })
        {
            foreach (var op in FilterOperators.Ordered)
            {
                input.AddFilter(FilterOperators.Name(field, op), ListIf(op, S.DateTime), FilterOperators.Describe(field, op), WhereInputGraphType.Column(property, op));
            }
        }
        input.AddLogicalOperators();
        if (type.HasPart("AutoroutePart"))
        {
            _autoroute ??= PartProperty("AutoroutePart", "path", "Path", FilterOperators.Text, S.String, "The item's path");
            input.AddFilter("autoroutePart", _autoroute, "Filters on the item's path.", WhereInputGraphType.Nested(_autoroute));
        }
        if (type.HasPart("AliasPart"))
        {
            _alias ??= PartProperty("AliasPart", "alias", "Alias", FilterOperators.Text, S.String, "The item's alias");
            input.AddFilter("aliasPart", _alias, "Filters on the item's alias.", WhereInputGraphType.Nested(_alias));
        }
        if (schema.IsContained(type))
        {
            _contained ??= PartProperty("ContainedPart", "listContentItemId", "ListContentItemId", FilterOperators.Identity, S.Id, "The containing list's id");
            input.AddFilter("containedPart", _contained, "Filters on the list that contains the item.", WhereInputGraphType.Nested(_contained));
        }
        foreach (var (typePart, part, fieldName) in PartsWithFields(type))
        {
            var nested = FieldsWhere(typeName, typePart, part);
            if (nested is not null && input.GetField(fieldName) is null)
            {
                input.AddFilter(fieldName, nested, $"Filters on the fields of the {typePart.Name} part.", WhereInputGraphType.Nested(nested));
            }
        }
        return input;
    }

    public OrderByInputGraphType OrderBy(ContentTypeDefinition type, string typeName)
    {
        var input = new OrderByInputGraphType(schema.UniqueTypeName(typeName + "OrderByInput", "_"),
            $"Sort keys for {typeName} items, applied in the order the input type declares them; beyond Orchard, one nested input per part with fields sorts by content field values.");
        input.AddKey("contentItemId", schema.Direction, "By item id.", OrderByInputGraphType.Column(ContentColumn.ContentItemId));
        input.AddKey("contentItemVersionId", schema.Direction, "By version id.", OrderByInputGraphType.Column(ContentColumn.ContentItemVersionId));
        input.AddKey("displayText", schema.Direction, "By title.", OrderByInputGraphType.Column(ContentColumn.DisplayText));
        input.AddKey("published", schema.Direction, "By whether the version is published.", OrderByInputGraphType.Column(ContentColumn.Published));
        input.AddKey("latest", schema.Direction, "By whether the version is the latest.", OrderByInputGraphType.Column(ContentColumn.Latest));
        input.AddKey("createdUtc", schema.Direction, "By creation time.", OrderByInputGraphType.Column(ContentColumn.CreatedUtc));
        input.AddKey("modifiedUtc", schema.Direction, "By last change.", OrderByInputGraphType.Column(ContentColumn.ModifiedUtc));
        input.AddKey("publishedUtc", schema.Direction, "By publication time.", OrderByInputGraphType.Column(ContentColumn.PublishedUtc));
        input.AddKey("owner", schema.Direction, "By owner.", OrderByInputGraphType.Column(ContentColumn.Owner));
        input.AddKey("author", schema.Direction, "By author.", OrderByInputGraphType.Column(ContentColumn.Author));
        foreach (var (typePart, part, fieldName) in PartsWithFields(type))
        {
            var nested = new OrderByInputGraphType(schema.UniqueTypeName($"{typeName}{(typePart.Name == type.Name ? "" : typePart.Name)}FieldsOrderByInput", "_"),
                $"Sort keys on the fields of {typeName}'s {typePart.Name} part (a field with several values sorts by its least value ascending, its greatest descending).");
            foreach (var field in part.Fields)
            {
                var name = GraphQLNames.Field(field.Name);
                if (!GraphQLNames.IsValid(name)) continue;
                if (field.Kind?.Accept(this) is { Sorts: true } sorted) nested.AddKey(name, schema.Direction, $"By the {field.Name} field.", OrderByInputGraphType.IndexValue(typePart.Name, field.Name, sorted.Values));
            }
            if (nested.Fields.Count > 0 && input.GetField(fieldName) is null)
            {
                input.AddNested(fieldName, nested, $"By fields of the {typePart.Name} part.");
            }
        }
        return input;
    }

    private IEnumerable<(ContentTypePartDefinition TypePart, ContentPartDefinition Part, string FieldName)> PartsWithFields(ContentTypeDefinition type)
    {
        foreach (var typePart in type.Parts)
        {
            if (schema.Definitions.Part(typePart.PartName) is { Fields.Count: > 0 } part && GraphQLNames.Field(typePart.Name) is var name && GraphQLNames.IsValid(name))
            {
                yield return (typePart, part, name);
            }
        }
    }

    private WhereInputGraphType? FieldsWhere(string typeName, ContentTypePartDefinition typePart, ContentPartDefinition part)
    {
        var own = typePart.Name == typePart.PartName && typePart.Name == typeName;
        var input = new WhereInputGraphType(schema.UniqueTypeName($"{typeName}{(own ? "" : typePart.Name)}FieldsWhereInput", "_"),
            $"Filters on the fields of {typeName}'s {typePart.Name} part. Text, link (its url), media (its paths) and time fields take text filters; " +
            "numeric and date fields compare (_gt, _gte, _lt, _lte); boolean fields equality; taxonomy, content picker and user picker fields " +
            "match an id they hold (topics: \"termId\", topics_in: [...], topics_not: ...). Old versions (status ALL) have no field values.");
        foreach (var field in part.Fields)
        {
            var name = GraphQLNames.Field(field.Name);
            if (!GraphQLNames.IsValid(name)) continue;
            var filter = field.Kind?.Accept(this) ?? FieldFilter.None;
            foreach (var op in filter.Operators)
            {
                input.AddFilter(FilterOperators.Name(name, op), ListIf(op, filter.Type!), FilterOperators.Describe($"A value of {field.Name}", op),
                    WhereInputGraphType.IndexValue(typePart.Name, field.Name, filter.Values, op));
            }
        }
        return input.Fields.Count > 0 ? input : null;
    }

    public FieldFilter Text() => TextValues();
    public FieldFilter Html() => FieldFilter.None;
    public FieldFilter Markdown() => FieldFilter.None;
    public FieldFilter Numeric() => new(FilterOperators.Ordered, S.Decimal, FieldValueKind.Number, Sorts: true);
    public FieldFilter Boolean() => new(FilterOperators.Equality, S.Boolean, FieldValueKind.Boolean, Sorts: false);
    public FieldFilter Date() => DateValues();
    public FieldFilter DateTime() => DateValues();
    public FieldFilter Time() => TextValues();
    public FieldFilter Link() => TextValues();
    public FieldFilter Media() => TextValues();
    public FieldFilter ContentPicker() => Ids();
    public FieldFilter Taxonomy() => Ids();
    public FieldFilter UserPicker() => Ids();
    public FieldFilter MultiText() => TextValues();
    public FieldFilter Youtube() => FieldFilter.None;
    public FieldFilter LocalizationSetContentPicker() => FieldFilter.None;

    private FieldFilter TextValues() => new(FilterOperators.Text, S.String, FieldValueKind.Text, Sorts: true);

    private FieldFilter DateValues() => new(FilterOperators.Ordered, S.DateTime, FieldValueKind.Date, Sorts: true);

    // Ids match exactly; ordering items by an id they hold means nothing, so these kinds have no sort key.
    private FieldFilter Ids() => new(FilterOperators.Identity, S.Id, FieldValueKind.Text, Sorts: false);

    private WhereInputGraphType PartProperty(string partName, string field, string property, string[] ops, IGraphType type, string subject)
    {
        var input = new WhereInputGraphType(schema.UniqueTypeName(partName + "WhereInput", "_"), $"Filters on the {partName}.");
        foreach (var op in ops)
        {
            input.AddFilter(FilterOperators.Name(field, op), ListIf(op, type), FilterOperators.Describe(subject, op),
                WhereInputGraphType.IndexValue(partName, property, FieldValueKind.Text, op));
        }
        return input;
    }

    private IGraphType ListIf(string op, IGraphType type) => op is "in" or "not_in" ? S.List(type) : type;
}
