using GraphQL.Validation;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// Refuses a document with more operations than <see cref="GraphQLLimits.MaxOperations"/> or more aliased fields than
/// <see cref="GraphQLLimits.MaxAliases"/> (aliases let one request ask for the same costly field many times).
/// </summary>
internal sealed class DocumentCountLimitRule(int maxOperations, int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var document = context.Document;
        var operations = document.Definitions.Count(d => d is GraphQLOperationDefinition);
        if (maxOperations > 0 && operations > maxOperations)
        {
            context.ReportError(LimitError.Create(context,
                $"The document has {operations} operations; {LimitError.Describe(nameof(GraphQLLimits.MaxOperations), maxOperations)}."));
        }
        if (maxAliases > 0)
        {
            var aliases = 0;
            foreach (var definition in document.Definitions)
            {
                aliases += definition switch
                {
                    GraphQLOperationDefinition o => CountAliases(o.SelectionSet),
                    GraphQLFragmentDefinition f => CountAliases(f.SelectionSet),
                    _ => 0,
                };
            }
            if (aliases > maxAliases)
            {
                context.ReportError(LimitError.Create(context,
                    $"The document has {aliases} aliased fields; {LimitError.Describe(nameof(GraphQLLimits.MaxAliases), maxAliases)}."));
            }
        }
        return default;
    }

    private static int CountAliases(GraphQLSelectionSet? set)
    {
        if (set is null)
        {
            return 0;
        }
        var count = 0;
        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field => (field.Alias is null ? 0 : 1) + CountAliases(field.SelectionSet),
                GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
                _ => 0,
            };
        }
        return count;
    }
}
