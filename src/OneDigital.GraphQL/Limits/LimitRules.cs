using GraphQL.Validation;
using Microsoft.Extensions.Logging;

namespace OneDigital.GraphQL.Limits;

public static class LimitRules
{
    /// <summary>GraphQL's own validation rules followed by the configured limits.</summary>
    public static IReadOnlyList<IValidationRule> Create(GraphQLLimits limits, ILogger logger)
    {
        var rules = new List<IValidationRule>(DocumentValidator.CoreRules)
        {
            new DocumentCountLimitRule(limits.MaxOperations, limits.MaxAliases),
            new DepthLimitRule(limits.MaxDepth),
            new MaxResultsRule(limits.MaxNumberOfResults, limits.MaxNumberOfResultsValidationMode, logger),
        };
        if (limits.MaxComplexity is { } max and > 0)
        {
            rules.Add(new ComplexityLimitRule(max, limits.FieldImpact));
        }
        return rules;
    }
}
