using GraphQL.Validation;
using Microsoft.Extensions.Logging;

namespace OneDigital.GraphQL.Limits;

public static class LimitRules
{
    /// <summary>GraphQL's own validation rules followed by the configured limits.</summary>
    public static IReadOnlyList<IValidationRule> Create(GraphQLOptions options, GraphQLLimits limits, bool isDevelopment, ILogger logger)
    {
        // Orchard: the Default mode refuses in Development and caps elsewhere.
        var refuseTooMany = options.MaxNumberOfResultsValidationMode switch
        {
            MaxNumberOfResultsValidationMode.Enabled => true,
            MaxNumberOfResultsValidationMode.Disabled => false,
            _ => isDevelopment,
        };
        var rules = new List<IValidationRule>(DocumentValidator.CoreRules)
        {
            new DocumentCountLimitRule(limits.MaxOperations, limits.MaxAliases),
            new DepthLimitRule(options.MaxDepth),
            new MaxResultsRule(options.MaxNumberOfResults, refuseTooMany, logger),
        };
        if (options.MaxComplexity is { } max and > 0)
        {
            rules.Add(new ComplexityLimitRule(max, options.FieldImpact));
        }
        return rules;
    }
}
