using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Logging;
using OneDigital.GraphQL.Caching;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// How every execution of the content schema is limited: the cost limits run first, in the executer's validator
/// (<see cref="CostFirstValidator"/>), and the per-node rules run with GraphQL's own in one pass over the document.
/// </summary>
public static class LimitRules
{
    /// <summary>GraphQL's own validation rules followed by the configured per-node limits.</summary>
    public static IReadOnlyList<IValidationRule> Create(GraphQLOptions options, GraphQLLimits limits, bool isDevelopment, ILogger logger)
    {
        return new List<IValidationRule>(DocumentValidator.CoreRules)
        {
            new DocumentCountLimitRule(limits.MaxOperations, limits.MaxAliases),
            MaxResults(options, isDevelopment, logger),
        };
    }

    /// <summary>
    /// The rules a document that already passed validation still runs: those that read the request's variables (a
    /// <c>first: $n</c> above the maximum). The variables themselves are still coerced by the validator.
    /// </summary>
    public static IReadOnlyList<IValidationRule> CreateForCachedDocuments(GraphQLOptions options, bool isDevelopment, ILogger logger) =>
        [MaxResults(options, isDevelopment, logger)];

    private static MaxResultsRule MaxResults(GraphQLOptions options, bool isDevelopment, ILogger logger)
    {
        // Orchard: the Default mode refuses in Development and caps elsewhere.
        var refuseTooMany = options.MaxNumberOfResultsValidationMode switch
        {
            MaxNumberOfResultsValidationMode.Enabled => true,
            MaxNumberOfResultsValidationMode.Disabled => false,
            _ => isDevelopment,
        };
        return new MaxResultsRule(options.MaxNumberOfResults, refuseTooMany, logger);
    }

    /// <summary>
    /// An executer whose validation checks the cost limits (fields, depth, introspection lists, complexity) before
    /// anything else; documents <paramref name="documents"/> holds as validated skip that gate (they passed it).
    /// </summary>
    public static IDocumentExecuter CreateExecuter(GraphQLOptions options, GraphQLLimits limits, GraphQLDocumentCache? documents = null) =>
        new DocumentExecuter(new GraphQLDocumentBuilder(), new CostFirstValidator(options, limits, new DocumentValidator(), documents));
}
