using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's complexity analysis with <see cref="GraphQLOptions.MaxComplexity"/> and
/// <see cref="GraphQLOptions.FieldImpact"/> (the list multiplier); introspection fields cost nothing, and the message
/// names the limit.
/// </summary>
internal sealed class ComplexityLimitRule(int maxComplexity, double? fieldImpact) : ComplexityValidationRule(CreateOptions(fieldImpact))
{
    private static ComplexityOptions CreateOptions(double? fieldImpact)
    {
        var options = new ComplexityOptions();
        if (fieldImpact is { } impact)
        {
            options.DefaultListImpactMultiplier = impact;
        }
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 0)
                : standard(context);
        return options;
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (totalComplexity > maxComplexity)
        {
            context.ReportError(LimitError.Create(context,
                $"The query's complexity is {Math.Round(totalComplexity)}; {LimitError.Describe(nameof(GraphQLOptions.MaxComplexity), maxComplexity)}."));
        }
        return default;
    }
}
