using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// The limits whose cost grows with fragment expansion — fields, depth, introspection lists, complexity — checked from
/// one memoised <see cref="DocumentCost"/> before any other validation, so a refusal takes as long as reading the
/// document once. Every operation in the document counts, since GraphQL validates them all. Complexity, as in
/// GraphQL.NET, is reported only for a document without other errors, so it comes back separately.
/// </summary>
internal static class CostLimits
{
    public static List<ValidationError> Check(GraphQLDocument document, ISchema? schema, GraphQLOptions options, GraphQLLimits limits,
        out ValidationError? complexityError)
    {
        complexityError = null;
        var errors = new List<ValidationError>();
        var cost = new DocumentCost(document, schema, options.FieldImpact ?? DefaultListMultiplier);
        var total = default(SelectionCost);
        GraphQLOperationDefinition? deepest = null;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var operationCost = cost.Of(operation);
            if (deepest is null || operationCost.Depth > total.Depth)
            {
                deepest = operation;
            }
            total = total.Beside(operationCost);
        }
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // GraphQL validates a fragment no operation uses too (and then reports it): its repeats cost the same.
            cost.OfFragment(fragment.FragmentName.Name.StringValue);
        }
        if (limits.MaxFields > 0 && total.Fields > limits.MaxFields)
        {
            errors.Add(LimitError.Create(document,
                $"The query would resolve {Describe(total.Fields)} fields once its fragments are expanded; {LimitError.Describe(nameof(GraphQLLimits.MaxFields), limits.MaxFields)}."));
        }
        if (limits.MaxFieldRepeats > 0 && cost.MostRepeats > limits.MaxFieldRepeats)
        {
            errors.Add(LimitError.Create(document,
                $"A selection asks for one field {Describe(cost.MostRepeats)} times in different ways (arguments, sub-selections); {LimitError.Describe(nameof(GraphQLLimits.MaxFieldRepeats), limits.MaxFieldRepeats)}."));
        }
        if (options.MaxDepth > 0 && total.Depth > options.MaxDepth)
        {
            errors.Add(LimitError.Create(document,
                $"The query is nested {total.Depth} levels deep; {LimitError.Describe(nameof(GraphQLOptions.MaxDepth), options.MaxDepth)}.", deepest));
        }
        if (limits.MaxIntrospectionLists > 0 && total.IntrospectionLists > limits.MaxIntrospectionLists)
        {
            errors.Add(LimitError.Create(document,
                $"The introspection query nests {total.IntrospectionLists} lists (types, fields, args...); {LimitError.Describe(nameof(GraphQLLimits.MaxIntrospectionLists), limits.MaxIntrospectionLists)}."));
        }
        if (options.MaxComplexity is { } maxComplexity and > 0 && total.Complexity > maxComplexity)
        {
            var complexity = double.IsFinite(total.Complexity) && total.Complexity < 1e15 ? Math.Round(total.Complexity).ToString("0") : "beyond counting";
            complexityError = LimitError.Create(document,
                $"The query's complexity is {complexity}; {LimitError.Describe(nameof(GraphQLOptions.MaxComplexity), maxComplexity)}.");
        }
        return errors;
    }

    /// <summary>GraphQL.NET's default list multiplier, used when <see cref="GraphQLOptions.FieldImpact"/> is not set.</summary>
    public const double DefaultListMultiplier = 5;

    private static string Describe(long fields) => fields >= SelectionCost.FieldCeiling ? "more than 10^18" : fields.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
