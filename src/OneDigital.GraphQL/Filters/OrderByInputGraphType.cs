using GraphQL.Types;
using OneDigital.Content.Querying;

namespace OneDigital.GraphQL.Filters;

public enum OrderByDirection
{
    Ascending,
    Descending,
}

/// <summary>Makes one sort key, in Content's sort model, running the given way.</summary>
internal delegate ContentSort SortBuilder(bool descending);

/// <summary>An orderBy input whose fields each know the sort key they add; nested inputs sort by fields of a part.</summary>
internal sealed class OrderByInputGraphType : InputObjectGraphType
{
    private readonly Dictionary<string, Func<object, IEnumerable<ContentSort>>> _keys = new(StringComparer.Ordinal);

    public OrderByInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public void AddKey(string name, IGraphType direction, string description, SortBuilder sort)
    {
        AddField(new FieldType { Name = name, ResolvedType = direction, Description = description });
        _keys[name] = v => v is OrderByDirection d ? [sort(d == OrderByDirection.Descending)] : [];
    }

    public void AddNested(string name, OrderByInputGraphType nested, string description)
    {
        AddField(new FieldType { Name = name, ResolvedType = nested, Description = description });
        _keys[name] = nested.Keys;
    }

    /// <summary>The input's sort keys, in the order the input type declares them.</summary>
    public IReadOnlyList<ContentSort> Keys(object? input) =>
        input is IDictionary<string, object?> fields
            ? [.. fields.Where(f => f.Value is not null && _keys.ContainsKey(f.Key)).SelectMany(f => _keys[f.Key](f.Value!))]
            : [];

    public static SortBuilder Column(ContentColumn column) => descending => new ContentSort.ByColumn(column, descending);

    public static SortBuilder IndexValue(string partName, string fieldName, FieldValueKind kind) =>
        descending => new ContentSort.ByField(partName, fieldName, kind, descending);
}
