using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace OneDigital.GraphQL.Caching;

/// <summary>
/// What caching needs to know about a query text, worked out once per text: its normalized form (the cache key part)
/// and whether it reads only published content. A query may be shared when it has no mutation or subscription and
/// every <c>status</c> argument is <c>PUBLISHED</c>, absent, or a variable whose value turns out to be one of those.
/// </summary>
internal sealed class CacheableQuery
{
    private const string Published = "PUBLISHED";

    private readonly Dictionary<string, string?> _statusVariables;

    private CacheableQuery(string normalized, Dictionary<string, string?> statusVariables)
    {
        Normalized = normalized;
        _statusVariables = statusVariables;
    }

    public string Normalized { get; }

    /// <summary>The query's shape, or null when no response to it may be shared (or it does not even parse).</summary>
    public static CacheableQuery? Analyze(string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
        var statusVariables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            var shareable = definition switch
            {
                GraphQLOperationDefinition { Operation: not OperationType.Query } => false,
                GraphQLOperationDefinition operation => ReadsPublished(operation.SelectionSet, statusVariables) && AddDefaults(operation, statusVariables),
                GraphQLFragmentDefinition fragment => ReadsPublished(fragment.SelectionSet, statusVariables),
                _ => true,
            };
            if (!shareable)
            {
                return null;
            }
        }
        return new CacheableQuery(new SDLPrinter().Print(document), statusVariables);
    }

    /// <summary>Whether the variables keep every status argument on PUBLISHED.</summary>
    public bool IsShareable(Inputs? variables)
    {
        foreach (var (name, defaultValue) in _statusVariables)
        {
            object? value = defaultValue;
            if (variables is not null && variables.TryGetValue(name, out var given))
            {
                value = given;
            }
            if (value is not (null or Published))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ReadsPublished(GraphQLSelectionSet? set, Dictionary<string, string?> statusVariables)
    {
        if (set is null)
        {
            return true;
        }
        foreach (var selection in set.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field => field.SelectionSet,
                GraphQLInlineFragment inline => inline.SelectionSet,
                _ => null,
            };
            if (selection is GraphQLField { Arguments: { } arguments })
            {
                foreach (var argument in arguments)
                {
                    if (argument.Name.StringValue != "status")
                    {
                        continue;
                    }
                    switch (argument.Value)
                    {
                        case GraphQLEnumValue e when e.Name.StringValue == Published:
                        case GraphQLNullValue:
                            break;
                        case GraphQLVariable v:
                            statusVariables.TryAdd(v.Name.StringValue, null);
                            break;
                        default:
                            return false;
                    }
                }
            }
            if (!ReadsPublished(nested, statusVariables))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AddDefaults(GraphQLOperationDefinition operation, Dictionary<string, string?> statusVariables)
    {
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            var name = variable.Variable.Name.StringValue;
            if (!statusVariables.ContainsKey(name) || variable.DefaultValue is null or GraphQLNullValue)
            {
                continue;
            }
            if (variable.DefaultValue is not GraphQLEnumValue e)
            {
                return false;
            }
            statusVariables[name] = e.Name.StringValue;
        }
        return true;
    }
}
