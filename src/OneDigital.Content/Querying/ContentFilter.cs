namespace OneDigital.Content.Querying;

/// <summary>
/// Which versions a list returns, as a small closed tree the store plans into SQL itself: conditions on a version's
/// columns and on a part's field (through the field index), combined with and/or/not. Callers (GraphQL's where,
/// the coming admin and site) build it; they never see the rows or the SQL.
/// </summary>
public abstract record ContentFilter
{
    private ContentFilter()
    {
    }

    /// <summary>Every filter holds; true when there are none.</summary>
    public sealed record And(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

    /// <summary>At least one filter holds; false when there are none.</summary>
    public sealed record Or(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

    public sealed record Not(ContentFilter Filter) : ContentFilter;

    /// <summary>
    /// A column of the version compared with a value: a string, number, boolean or date (a string date is read as
    /// UTC), or for <see cref="FilterOperator.In"/> a list of them.
    /// </summary>
    public sealed record Column(ContentColumn Name, FilterOperator Operator, object Value) : ContentFilter;

    /// <summary>
    /// A version with at least one value of the field that compares true. The part is the part's name in the type
    /// (a type's own fields live in the part named like the type); part properties such as AutoroutePart's Path
    /// and ContainedPart's ListContentItemId are indexed as fields too.
    /// </summary>
    public sealed record Field(string Part, string FieldName, FieldValueKind Kind, FilterOperator Operator, object Value) : ContentFilter;
}

/// <summary>The columns of a version that lists filter and sort on.</summary>
public enum ContentColumn
{
    ContentItemId,
    ContentItemVersionId,
    DisplayText,
    Owner,
    Author,
    CreatedUtc,
    ModifiedUtc,
    PublishedUtc,
    Published,
    Latest,
    /// <summary>The item's type: for lists over several types (a request without one).</summary>
    ContentType,
}

/// <summary>Which of a field index row's values a condition or sort key reads.</summary>
public enum FieldValueKind
{
    Text,
    Number,
    Date,
    Boolean,
}

/// <summary>The positive comparisons; a negated one is a <see cref="ContentFilter.Not"/> around it.</summary>
public enum FilterOperator
{
    Equal,
    In,
    /// <summary>Contains, ignoring case (as Orchard's SQL LIKE on its default collations).</summary>
    Contains,
    StartsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
