using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// Merges selections repeated word for word in one selection set (<c>{ a a a }</c>, the same inline fragment twice):
/// GraphQL answers them once anyway, but its field-merging validation compares every pair, so 3,000 copies cost
/// seconds. Only same-named fields and inline fragments are printed and compared, so a document without repeats
/// costs one pass. Fragment spreads are kept: their cost is counted by <see cref="DocumentCost"/>.
/// </summary>
internal static class RepeatedSelections
{
    public static void Merge(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    Merge(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    Merge(fragment.SelectionSet);
                    break;
            }
        }
    }

    private static void Merge(GraphQLSelectionSet? set)
    {
        if (set is null)
        {
            return;
        }
        var selections = set.Selections;
        if (HasCandidates(selections))
        {
            var printer = new SDLPrinter();
            var kept = new HashSet<string>(StringComparer.Ordinal);
            selections.RemoveAll(selection => selection is GraphQLField or GraphQLInlineFragment && !kept.Add(printer.Print(selection)));
        }
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    Merge(field.SelectionSet);
                    break;
                case GraphQLInlineFragment inline:
                    Merge(inline.SelectionSet);
                    break;
            }
        }
    }

    /// <summary>Whether two fields share a response name, or there are two inline fragments: only then can anything merge.</summary>
    private static bool HasCandidates(List<ASTNode> selections)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inline = 0;
        foreach (var selection in selections)
        {
            if (selection is GraphQLField field && !names.Add((field.Alias?.Name ?? field.Name).StringValue))
            {
                return true;
            }
            if (selection is GraphQLInlineFragment && ++inline > 1)
            {
                return true;
            }
        }
        return false;
    }
}
