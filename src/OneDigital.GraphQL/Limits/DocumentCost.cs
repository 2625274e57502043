using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// Measures a document as GraphQL would run it, fragments expanded, while visiting each selection once: a fragment's
/// cost is memoised by name, so fragments that each spread the previous one twice cost one step per spread instead of
/// doubling per level. Cycles are left to GraphQL's own validation (NoFragmentCycles); here a spread of a fragment
/// that is being measured counts nothing, so the walk always ends.
/// </summary>
internal sealed class DocumentCost
{
    /// <summary>Introspection fields that return lists: nesting them multiplies the answer by the schema's size.</summary>
    private static readonly HashSet<string> IntrospectionLists =
        new(["types", "fields", "args", "inputFields", "interfaces", "enumValues", "possibleTypes", "directives"], StringComparer.Ordinal);

    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SelectionCost> _measured = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _fragmentNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _measuring = new(StringComparer.Ordinal);
    private readonly ISchema? _schema;
    private readonly double _listMultiplier;

    /// <param name="schema">Gives field types for complexity (lists and their <c>first</c>); without it every field counts 1.</param>
    /// <param name="listMultiplier">A list's multiplier when it has no literal <c>first</c> or <c>last</c>.</param>
    public DocumentCost(GraphQLDocument document, ISchema? schema, double listMultiplier)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // Duplicate names are reported by UniqueFragmentNames; the first one is measured.
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        _schema = schema;
        _listMultiplier = listMultiplier;
    }

    /// <summary>
    /// The most fields with arguments or sub-selections sharing one response name in any selection set measured so far,
    /// fragments and inline fragments included (identical repeats were merged before). GraphQL's field-merging rule
    /// compares each such pair, sub-selections and all.
    /// </summary>
    public long MostRepeats { get; private set; }

    public SelectionCost Of(GraphQLOperationDefinition operation)
    {
        IGraphType? root = operation.Operation switch
        {
            OperationType.Mutation => _schema?.Mutation,
            OperationType.Subscription => _schema?.Subscription,
            _ => _schema?.Query,
        };
        return Of(operation.SelectionSet, root, null);
    }

    public SelectionCost OfFragment(string name)
    {
        return OfFragment(name, null);
    }

    /// <param name="names">Where the fragment's response names are counted in, for the set that spreads it.</param>
    private SelectionCost OfFragment(string name, Dictionary<string, long>? names)
    {
        if (!_measured.TryGetValue(name, out var cost))
        {
            if (!_fragments.TryGetValue(name, out var fragment) || !_measuring.Add(name))
            {
                return default;
            }
            var own = new Dictionary<string, long>(StringComparer.Ordinal);
            cost = Of(fragment.SelectionSet, TypeNamed(fragment.TypeCondition.Type.Name.StringValue), own);
            _measuring.Remove(name);
            _measured[name] = cost;
            _fragmentNames[name] = own;
        }
        if (names is not null)
        {
            foreach (var (responseName, count) in _fragmentNames[name])
            {
                Count(names, responseName, count);
            }
        }
        return cost;
    }

    /// <param name="names">The response names of the selection set this one is part of (an inline fragment's or a fragment's parent); null for a new set.</param>
    private SelectionCost Of(GraphQLSelectionSet? set, IGraphType? parent, Dictionary<string, long>? names)
    {
        var total = default(SelectionCost);
        if (set is null)
        {
            return total;
        }
        names ??= new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var selection in set.Selections)
        {
            var cost = selection switch
            {
                GraphQLField field => OfField(field, parent, names),
                GraphQLInlineFragment inline => Of(inline.SelectionSet, inline.TypeCondition is { } condition ? TypeNamed(condition.Type.Name.StringValue) : parent, names),
                GraphQLFragmentSpread spread => OfFragment(spread.FragmentName.Name.StringValue, names),
                _ => default,
            };
            total = total.Beside(cost);
        }
        return total;
    }

    private void Count(Dictionary<string, long> names, string responseName, long count)
    {
        var total = SelectionCost.Add(names.GetValueOrDefault(responseName), count);
        names[responseName] = total;
        MostRepeats = Math.Max(MostRepeats, total);
    }

    private SelectionCost OfField(GraphQLField field, IGraphType? parent, Dictionary<string, long> names)
    {
        var name = field.Name.StringValue;
        if (field.SelectionSet is not null || field.Arguments is { Items.Count: > 0 })
        {
            // Leaves without arguments compare in no time; only these make pairwise comparison costly.
            Count(names, (field.Alias?.Name ?? field.Name).StringValue, 1);
        }
        var definition = (parent as IComplexGraphType)?.GetField(name);
        var children = Of(field.SelectionSet, definition?.ResolvedType?.GetNamedType(), null);
        var fields = SelectionCost.Add(1, children.Fields);
        var listNames = (IntrospectionLists.Contains(name) ? 1 : 0) + children.ListNames;
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            // __schema and __type open the introspection tree; its lists are limited there, and it costs no complexity.
            var nested = name is "__schema" or "__type" ? children.ListNames : children.IntrospectionLists;
            return new SelectionCost(fields, 0, listNames, Math.Max(nested, children.IntrospectionLists), 0);
        }
        var multiplier = IsList(definition?.ResolvedType) ? ListSize(field) : 1;
        return new SelectionCost(fields, 1 + children.Depth, listNames, children.IntrospectionLists, 1 + multiplier * children.Complexity);
    }

    private double ListSize(GraphQLField field)
    {
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (argument.Name.StringValue is "first" or "last" && argument.Value is GraphQLIntValue value
                && int.TryParse(value.Value.Span, out var size) && size > 0)
            {
                return size;
            }
        }
        return _listMultiplier;
    }

    private static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private IGraphType? TypeNamed(string name) => _schema?.AllTypes[name];
}
