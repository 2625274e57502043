using System.Collections;
using GraphQL.Types;
using OneDigital.Content.Querying;

namespace OneDigital.GraphQL.Filters;

/// <summary>Makes the condition one filter field of a where input puts on a version, in Content's filter model.</summary>
internal delegate ContentFilter FilterBuilder(object value);

/// <summary>
/// A where input whose fields each know the condition they make; AND/OR/NOT and nested part or field inputs
/// recurse. Null values are ignored, as in Orchard.
/// </summary>
internal sealed class WhereInputGraphType : InputObjectGraphType
{
    private readonly Dictionary<string, FilterBuilder> _filters = new(StringComparer.Ordinal);

    public WhereInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public void AddFilter(string name, IGraphType type, string description, FilterBuilder build)
    {
        AddField(new FieldType { Name = name, ResolvedType = type, Description = description });
        _filters[name] = build;
    }

    /// <summary>AND, OR and NOT, each taking one input or a list of them.</summary>
    public void AddLogicalOperators()
    {
        var list = new ListGraphType(this);
        AddFilter("AND", list, "Every condition is true.", v => new ContentFilter.And(Junction(v)));
        AddFilter("OR", list, "At least one condition is true.", v => new ContentFilter.Or(Junction(v)));
        AddFilter("NOT", list, "Not every condition is true.", v => new ContentFilter.Not(new ContentFilter.And(Junction(v))));
    }

    /// <summary>The conjunction of the input's filters (true when it has none); null without an input.</summary>
    public ContentFilter? Filter(object? input) =>
        input is IDictionary<string, object?> { Count: > 0 } ? Build(input) : null;

    private ContentFilter.And Build(object? input)
    {
        var conditions = new List<ContentFilter>();
        if (input is IDictionary<string, object?> fields)
        {
            foreach (var (name, value) in fields)
            {
                if (value is null || !_filters.TryGetValue(name, out var build)) continue;
                conditions.Add(build(value));
            }
        }
        return new ContentFilter.And(conditions);
    }

    // As in Orchard, every filter of every input under AND/OR joins the same junction, so OR: { a, b } and
    // OR: [{ a }, { b }] both mean "a or b" (GraphQL turns a single object into a list of one).
    private List<ContentFilter> Junction(object value)
    {
        var items = value is IDictionary<string, object?> single ? [single] : (value as IEnumerable)?.Cast<object?>() ?? [];
        var conditions = new List<ContentFilter>();
        foreach (var item in items.OfType<IDictionary<string, object?>>())
        {
            foreach (var (name, fieldValue) in item)
            {
                if (fieldValue is null || !_filters.TryGetValue(name, out var build)) continue;
                conditions.Add(build(fieldValue));
            }
        }
        return conditions;
    }

    /// <summary>A filter on a nested input (a part's properties, a part's fields).</summary>
    public static FilterBuilder Nested(WhereInputGraphType nested) => nested.Build;

    /// <summary>A filter on a column of the version.</summary>
    public static FilterBuilder Column(ContentColumn column, string op) => v =>
        FilterOperators.Apply(op, positive => new ContentFilter.Column(column, positive, v));

    /// <summary>
    /// A filter on values of the generic field index (one part property or content field). A version matches a positive
    /// operator when any of its values does, and a negated one when none does, so <c>topics_not: "x"</c> means
    /// "not tagged x".
    /// </summary>
    public static FilterBuilder IndexValue(string partName, string fieldName, FieldValueKind kind, string op) => v =>
        FilterOperators.Apply(op, positive => new ContentFilter.Field(partName, fieldName, kind, positive, v));
}
