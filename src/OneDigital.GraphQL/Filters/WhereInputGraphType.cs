using System.Collections;
using System.Linq.Expressions;
using GraphQL.Types;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Filters;

/// <summary>Makes the condition one filter field of a where input puts on a version row <c>r</c>.</summary>
internal delegate Expression FilterBuilder(object value, ParameterExpression record, IQueryable<ContentFieldIndexRecord> index);

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
        AddFilter("AND", list, "Every condition is true.", (v, r, i) => Combine(v, r, i, Expression.AndAlso, true));
        AddFilter("OR", list, "At least one condition is true.", (v, r, i) => Combine(v, r, i, Expression.OrElse, false));
        AddFilter("NOT", list, "Not every condition is true.", (v, r, i) => Expression.Not(Combine(v, r, i, Expression.AndAlso, true)));
    }

    /// <summary>The conjunction of the input's filters; true when it has none.</summary>
    public Expression Build(object? input, ParameterExpression record, IQueryable<ContentFieldIndexRecord> index)
    {
        Expression result = Expression.Constant(true);
        var any = false;
        if (input is IDictionary<string, object?> fields)
        {
            foreach (var (name, value) in fields)
            {
                if (value is null || !_filters.TryGetValue(name, out var build)) continue;
                var condition = build(value, record, index);
                result = any ? Expression.AndAlso(result, condition) : condition;
                any = true;
            }
        }
        return result;
    }

    public Expression<Func<ContentItemRecord, bool>>? Lambda(object? input, IQueryable<ContentFieldIndexRecord> index)
    {
        if (input is not IDictionary<string, object?> { Count: > 0 }) return null;
        var record = Expression.Parameter(typeof(ContentItemRecord), "r");
        return Expression.Lambda<Func<ContentItemRecord, bool>>(Build(input, record, index), record);
    }

    // As in Orchard, every filter of every input under AND/OR joins the same junction, so OR: { a, b } and
    // OR: [{ a }, { b }] both mean "a or b" (GraphQL turns a single object into a list of one).
    private Expression Combine(object value, ParameterExpression record, IQueryable<ContentFieldIndexRecord> index,
        Func<Expression, Expression, BinaryExpression> join, bool emptyValue)
    {
        var items = value is IDictionary<string, object?> single ? [single] : (value as IEnumerable)?.Cast<object?>() ?? [];
        Expression? result = null;
        foreach (var item in items.OfType<IDictionary<string, object?>>())
        {
            foreach (var (name, fieldValue) in item)
            {
                if (fieldValue is null || !_filters.TryGetValue(name, out var build)) continue;
                var condition = build(fieldValue, record, index);
                result = result is null ? condition : join(result, condition);
            }
        }
        return result ?? Expression.Constant(emptyValue);
    }

    /// <summary>A filter on a nested input (a part's properties, a part's fields).</summary>
    public static FilterBuilder Nested(WhereInputGraphType nested) => (v, r, i) => nested.Build(v, r, i);

    /// <summary>A filter on a column of the version row.</summary>
    public static FilterBuilder Column(string property, string op) => (v, r, _) =>
        FilterOperators.Apply(Expression.Property(r, property), op, v);

    /// <summary>
    /// A filter on values of the generic field index (one part property or content field). A version matches a positive
    /// operator when any of its values does, and a negated one when none does, so <c>topics_not: "x"</c> means
    /// "not tagged x".
    /// </summary>
    public static FilterBuilder IndexValue(string partName, string fieldName, string valueProperty, string op) => (v, r, index) =>
    {
        var (positive, negated) = FilterOperators.Split(op);
        var row = Expression.Parameter(typeof(ContentFieldIndexRecord), "f");
        var valueMatch = Expression.Lambda<Func<ContentFieldIndexRecord, bool>>(
            FilterOperators.Compare(Expression.Property(row, valueProperty), positive, v), row);
        var matching = index.Where(f => f.PartName == partName && f.FieldName == fieldName).Where(valueMatch).Select(f => f.ContentItemRecordId);
        var contains = typeof(Queryable).GetMethods().Single(m => m.Name == nameof(Queryable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(long));
        Expression condition = Expression.Call(contains, matching.Expression, Expression.Property(r, nameof(ContentItemRecord.Id)));
        return negated ? Expression.Not(condition) : condition;
    };
}
