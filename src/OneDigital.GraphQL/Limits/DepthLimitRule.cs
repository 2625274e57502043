using GraphQL.Validation;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// Refuses an operation nested deeper than <see cref="GraphQLOptions.MaxDepth"/>. Introspection fields (<c>__schema</c>,
/// <c>__type</c>) are not counted, so GraphiQL's and code generators' introspection query passes whatever the limit.
/// </summary>
internal sealed class DepthLimitRule(int maxDepth) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (maxDepth > 0 && context.Operation is { } operation)
        {
            var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.StringValue)
                .ToDictionary(g => g.Key, g => g.First());
            var depth = Depth(operation.SelectionSet, fragments, []);
            if (depth > maxDepth)
            {
                context.ReportError(LimitError.Create(context,
                    $"The query is nested {depth} levels deep; {LimitError.Describe(nameof(GraphQLOptions.MaxDepth), maxDepth)}.", operation));
            }
        }
        return default;
    }

    private static int Depth(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting)
    {
        if (set is null)
        {
            return 0;
        }
        var deepest = 0;
        foreach (var selection in set.Selections)
        {
            var depth = selection switch
            {
                GraphQLField field when field.Name.StringValue.StartsWith("__", StringComparison.Ordinal) => 0,
                GraphQLField field => 1 + Depth(field.SelectionSet, fragments, visiting),
                GraphQLInlineFragment inline => Depth(inline.SelectionSet, fragments, visiting),
                GraphQLFragmentSpread spread => SpreadDepth(spread.FragmentName.Name.StringValue, fragments, visiting),
                _ => 0,
            };
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static int SpreadDepth(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting)
    {
        // A fragment cycle is reported by GraphQL's own rules; here it simply stops the walk.
        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
        {
            return 0;
        }
        var depth = Depth(fragment.SelectionSet, fragments, visiting);
        visiting.Remove(name);
        return depth;
    }
}
