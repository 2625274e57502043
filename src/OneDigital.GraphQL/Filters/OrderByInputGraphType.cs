using System.Linq.Expressions;
using GraphQL.Types;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Filters;

public enum OrderByDirection
{
    Ascending,
    Descending,
}

/// <summary>Adds one sort key to a query: first (OrderBy) or a further one (ThenBy).</summary>
internal delegate IOrderedQueryable<ContentItemRecord> SortBuilder(
    IQueryable<ContentItemRecord> query, bool first, bool descending, IQueryable<ContentFieldIndexRecord> index);

/// <summary>An orderBy input whose fields each know the sort key they add; nested inputs sort by fields of a part.</summary>
internal sealed class OrderByInputGraphType : InputObjectGraphType
{
    private readonly Dictionary<string, Func<object, IEnumerable<(SortBuilder Sort, bool Descending)>>> _keys = new(StringComparer.Ordinal);

    public OrderByInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public void AddKey(string name, IGraphType direction, string description, SortBuilder sort)
    {
        AddField(new FieldType { Name = name, ResolvedType = direction, Description = description });
        _keys[name] = v => v is OrderByDirection d ? [(sort, d == OrderByDirection.Descending)] : [];
    }

    public void AddNested(string name, OrderByInputGraphType nested, string description)
    {
        AddField(new FieldType { Name = name, ResolvedType = nested, Description = description });
        _keys[name] = nested.Keys;
    }

    public IEnumerable<(SortBuilder Sort, bool Descending)> Keys(object? input) =>
        input is IDictionary<string, object?> fields
            ? fields.Where(f => f.Value is not null && _keys.ContainsKey(f.Key)).SelectMany(f => _keys[f.Key](f.Value!))
            : [];

    public static SortBuilder Column<T>(Expression<Func<ContentItemRecord, T>> key) => (q, first, desc, _) =>
        first ? (desc ? q.OrderByDescending(key) : q.OrderBy(key))
              : (desc ? ((IOrderedQueryable<ContentItemRecord>)q).ThenByDescending(key) : ((IOrderedQueryable<ContentItemRecord>)q).ThenBy(key));

    public static SortBuilder IndexValue<T>(string partName, string fieldName, Expression<Func<ContentFieldIndexRecord, T>> value) => (q, first, desc, index) =>
        first ? q.OrderByField(index, partName, fieldName, value, desc)
              : ((IOrderedQueryable<ContentItemRecord>)q).ThenByField(index, partName, fieldName, value, desc);
}
