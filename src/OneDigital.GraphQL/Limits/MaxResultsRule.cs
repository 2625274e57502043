using System.Globalization;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// Orchard's rule on <c>first</c>/<c>last</c> above <see cref="GraphQLOptions.MaxNumberOfResults"/>, literal or
/// variable: an error when refusing (validation mode Enabled, or Default in Development); otherwise logged, and a
/// literal is lowered to the maximum (a variable's value is left to the list field).
/// </summary>
internal sealed class MaxResultsRule(int maxResults, bool refuse, ILogger logger) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLArgument>((argument, ctx) =>
        {
            var name = argument.Name.StringValue;
            if (name is not ("first" or "last") || ValueOf(argument.Value, ctx) is not { } value || value <= maxResults)
            {
                return;
            }
            if (!refuse)
            {
                logger.LogInformation("'{Value}' exceeds the maximum number of results for '{Argument}' ({Max}); the list is capped", value, name, maxResults);
                if (argument.Value is GraphQLIntValue)
                {
                    argument.Value = new GraphQLIntValue(maxResults);
                }
                return;
            }
            ctx.ReportError(LimitError.Create(ctx,
                $"'{value}' exceeds the maximum number of results for '{name}'; {LimitError.Describe(nameof(GraphQLOptions.MaxNumberOfResults), maxResults)}.", argument));
        }));

    private static long? ValueOf(GraphQLValue value, ValidationContext context) => value switch
    {
        GraphQLIntValue i when long.TryParse(i.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        GraphQLVariable v when context.Variables.TryGetValue(v.Name.StringValue, out var input) => input switch
        {
            int n => n,
            long n => n,
            double d => (long)d,
            decimal d => (long)d,
            _ => null,
        },
        _ => null,
    };
}
