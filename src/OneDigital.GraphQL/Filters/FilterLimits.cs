using System.Collections;
using GraphQL;
using OneDigital.GraphQL.Limits;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// Refuses a <c>where</c> argument before it becomes SQL: nested deeper than <see cref="GraphQLOptions.MaxFilterDepth"/>
/// or holding more conditions than <see cref="GraphQLOptions.MaxFilterTerms"/>. Without this, a 2,000-term OR reaches
/// the store and fails there (SQLite's expression depth), with the store's error and its SQL in the log.
/// </summary>
internal static class FilterLimits
{
    public static void Check(object? where, GraphQLOptions options)
    {
        var terms = 0;
        Walk(where, 1, ref terms, options);
    }

    private static void Walk(object? value, int depth, ref int terms, GraphQLOptions options)
    {
        if (value is not IDictionary<string, object?> input)
        {
            return;
        }
        if (options.MaxFilterDepth > 0 && depth > options.MaxFilterDepth)
        {
            throw Refusal($"The where argument nests inputs more than {options.MaxFilterDepth} deep; {LimitError.Describe(nameof(GraphQLOptions.MaxFilterDepth), options.MaxFilterDepth)}.");
        }
        foreach (var (_, fieldValue) in input)
        {
            switch (fieldValue)
            {
                case null:
                    break;
                case IDictionary<string, object?> nested:
                    Walk(nested, depth + 1, ref terms, options);
                    break;
                case IEnumerable list and not string when IsInputList(list):
                    foreach (var item in list)
                    {
                        Walk(item, depth + 1, ref terms, options);
                    }
                    break;
                default:
                    // A value (a list of values for _in counts once: it is one condition with parameters).
                    if (options.MaxFilterTerms > 0 && ++terms > options.MaxFilterTerms)
                    {
                        throw Refusal($"The where argument has more than {options.MaxFilterTerms} conditions; {LimitError.Describe(nameof(GraphQLOptions.MaxFilterTerms), options.MaxFilterTerms)}.");
                    }
                    break;
            }
        }
    }

    private static bool IsInputList(IEnumerable list)
    {
        foreach (var item in list)
        {
            if (item is IDictionary<string, object?>)
            {
                return true;
            }
        }
        return false;
    }

    private static ExecutionError Refusal(string message) => new(message) { Code = LimitError.Code };
}
