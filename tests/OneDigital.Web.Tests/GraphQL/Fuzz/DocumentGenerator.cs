using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;

namespace OneDigital.Web.Tests.GraphQL.Fuzz;

/// <summary>
/// Writes random GraphQL documents from a live schema: selections over its types (content, connections, introspection),
/// aliases, named and inline fragments, arguments of every input type (where filters with AND/OR/NOT, lists, numbers
/// from 0 to 1e300), variables, and now and then junk: a random token dropped in, a cut, braces left open. Most
/// documents are valid; the rest probe the parser and validation. The same seed writes the same documents.
/// </summary>
public sealed class DocumentGenerator(ISchema schema, int seed)
{
    private static readonly string[] JunkTokens =
        ["{", "}", "(", ")", "...", "$x", "@include(if: true)", "@skip", "\"unterminated", "#", ":", "[", "]", "=", "!", "on", "fragment", "query", "1e300", "-0", "\u0000", "\\u", "__schema", "null", "mutation { x }"];

    private readonly Random _random = new(seed);
    private readonly List<string> _fragments = [];
    private int _aliases;

    public string Next()
    {
        _fragments.Clear();
        _aliases = 0;
        var text = new StringBuilder();
        var withVariables = Chance(0.15);
        text.Append(withVariables ? "query Fuzz($first: Int, $text: String, $status: Status) " : Chance(0.3) ? "query Fuzz " : "");
        text.Append(Selection(schema.Query, depth: 0, maxDepth: Chance(0.05) ? 30 : _random.Next(1, 7), variables: withVariables));
        foreach (var fragment in _fragments)
        {
            text.Append('\n').Append(fragment);
        }
        var document = text.ToString();
        return Chance(0.12) ? Junk(document) : document;
    }

    private string Selection(IGraphType type, int depth, int maxDepth, bool variables)
    {
        if (type is not IComplexGraphType complex)
        {
            return "";
        }
        var fields = complex.Fields.ToList();
        var text = new StringBuilder("{ ");
        var count = depth == 0 ? _random.Next(1, 4) : _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            if (depth == 0 && Chance(0.1))
            {
                text.Append(Chance(0.5) ? "__typename " : Introspection());
                continue;
            }
            var field = fields[_random.Next(fields.Count)];
            var named = field.ResolvedType?.GetNamedType();
            var repeat = Chance(0.03) ? _random.Next(2, 60) : 1;
            var fieldText = new StringBuilder();
            if (Chance(0.1) && _aliases < 25)
            {
                fieldText.Append('a').Append(_aliases++).Append(": ");
            }
            fieldText.Append(field.Name).Append(Arguments(field, variables));
            if (named is IComplexGraphType or UnionGraphType)
            {
                if (depth + 1 >= maxDepth)
                {
                    fieldText.Append(" { __typename }");
                }
                else
                {
                    fieldText.Append(' ').Append(SubSelection(named, depth + 1, maxDepth, variables));
                }
            }
            for (var r = 0; r < repeat; r++)
            {
                text.Append(fieldText).Append(' ');
            }
        }
        return text.Append('}').ToString();
    }

    /// <summary>A sub-selection: plain, through an inline fragment, through a named one, or (for interfaces and unions) on a possible type.</summary>
    private string SubSelection(IGraphType type, int depth, int maxDepth, bool variables)
    {
        IGraphType target = type;
        if (type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Count > 0 && Chance(0.6))
        {
            target = abstractType.PossibleTypes.ElementAt(_random.Next(abstractType.PossibleTypes.Count));
            return $"{{ __typename ... on {target.Name} {Selection(target, depth, maxDepth, variables)} }}";
        }
        if (type is UnionGraphType)
        {
            return "{ __typename }";
        }
        var roll = _random.NextDouble();
        if (roll < 0.1 && _fragments.Count < 8)
        {
            var name = $"F{_fragments.Count}";
            _fragments.Add(""); // reserve the name before the body, which may add fragments of its own
            var index = _fragments.Count - 1;
            _fragments[index] = $"fragment {name} on {target.Name} {Selection(target, depth, maxDepth, variables)}";
            return Chance(0.2) ? $"{{ ...{name} ...{name} }}" : $"{{ ...{name} }}";
        }
        if (roll < 0.2)
        {
            return $"{{ ... on {target.Name} {Selection(target, depth, maxDepth, variables)} }}";
        }
        return Selection(target, depth, maxDepth, variables);
    }

    private string Introspection() => _random.Next(4) switch
    {
        0 => "__schema { queryType { name } types { name kind } } ",
        1 => "__type(name: \"BlogPost\") { name fields { name type { name kind ofType { name } } } } ",
        2 => "__schema { types { fields { type { fields { type { fields { name } } } } } } } ",
        _ => "__schema { directives { name args { name type { name } } } } ",
    };

    private string Arguments(FieldType field, bool variables)
    {
        if (field.Arguments is not { Count: > 0 } arguments || Chance(0.4))
        {
            return "";
        }
        var parts = new List<string>();
        foreach (var argument in arguments)
        {
            if (!Chance(0.5))
            {
                continue;
            }
            var named = argument.ResolvedType?.GetNamedType();
            var value = variables && named?.Name == "Int" && Chance(0.5) ? "$first"
                : variables && named?.Name == "String" && Chance(0.5) ? "$text"
                : variables && named?.Name == "Status" && Chance(0.5) ? "$status"
                : Value(argument.ResolvedType!, 0);
            parts.Add($"{argument.Name}: {value}");
        }
        return parts.Count == 0 ? "" : $"({string.Join(", ", parts)})";
    }

    private string Value(IGraphType type, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Value(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                var size = Chance(0.02) ? _random.Next(50, 300) : _random.Next(0, 4);
                return "[" + string.Join(", ", Enumerable.Range(0, size).Select(_ => Value(list.ResolvedType!, depth + 1))) + "]";
            case EnumerationGraphType enumeration:
                var values = enumeration.Values.ToList();
                return Chance(0.05) ? "NOT_A_VALUE" : values[_random.Next(values.Count)].Name;
            case IInputObjectGraphType input:
                if (depth > (Chance(0.05) ? 40 : 4))
                {
                    return "{}";
                }
                var fields = input.Fields.ToList();
                var chosen = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => fields[_random.Next(fields.Count)]).DistinctBy(f => f.Name);
                return "{ " + string.Join(", ", chosen.Select(f => $"{f.Name}: {Value(f.ResolvedType!, depth + 1)}")) + " }";
            default:
                return Scalar(type.Name);
        }
    }

    private string Scalar(string name) => name switch
    {
        "Int" => _random.Next(6) switch
        {
            0 => "0",
            1 => "-1",
            2 => "2147483647",
            3 => "99999999999",
            _ => _random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
        },
        "Float" or "Decimal" => _random.Next(3) switch { 0 => "1e300", 1 => "-0.5", _ => "3.14" },
        "Boolean" => Chance(0.5) ? "true" : "false",
        "DateTime" or "Date" => _random.Next(3) switch { 0 => "\"2026-01-01T00:00:00Z\"", 1 => "\"not a date\"", _ => "\"9999-12-31\"" },
        _ => _random.Next(5) switch
        {
            0 => "\"\"",
            1 => "\"%\"",
            2 => "\"" + new string('x', _random.Next(1, 2000)) + "\"",
            3 => "\"blog/post-1\"",
            _ => "\"a'b\\\"c\"",
        },
    };

    private string Junk(string document)
    {
        var position = _random.Next(document.Length + 1);
        return _random.Next(3) switch
        {
            0 => document[..position],
            1 => document.Insert(position, " " + JunkTokens[_random.Next(JunkTokens.Length)] + " "),
            _ => document.Remove(position, Math.Min(_random.Next(1, 10), document.Length - position)),
        };
    }

    private bool Chance(double p) => _random.NextDouble() < p;
}
