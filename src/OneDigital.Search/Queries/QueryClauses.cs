using System.Text.Json.Nodes;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries.Limits;
using static OneDigital.Search.Queries.DslJson;
using static OneDigital.Search.Queries.Limits.SearchLimits;
using OneDigital.Search.Documents;

namespace OneDigital.Search.Queries;

/// <summary>The query types of Orchard's DSL, each built into a Lucene query.</summary>
internal sealed class QueryClauses(IndexQueryContext context)
{
    private const string Example = "{ \"match_all\": {} }";

    public static readonly string[] Types =
    [
        "bool", "term", "terms", "match", "match_phrase", "match_all", "prefix", "wildcard", "fuzzy", "regexp", "range",
        "query_string", "simple_query_string",
    ];

    // Clauses and values counted over the whole query (MaxTotalClauses), however deeply they nest.
    private int _clauses;

    /// <summary>Parses <c>{ "type": { ... } }</c>; <paramref name="path"/> is where that object sits.</summary>
    public Query Parse(JsonNode? node, string path)
    {
        Count(1, path);
        var obj = Object(node, path, Example);
        if (obj.Count != 1)
        {
            throw new SearchQueryException(path, $"expected exactly one query type, as in {Example}, found {obj.Count}");
        }
        var (type, body) = obj.First();
        var inner = $"{path}.{type}";
        return type switch
        {
            "bool" => Bool(body, inner),
            "term" => Term(body, inner),
            "terms" => Terms(body, inner),
            "match" => Match(body, inner),
            "match_phrase" => MatchPhrase(body, inner),
            "match_all" => MatchAll(body, inner),
            "prefix" => Pattern(body, inner, "prefix", PatternLimits.Prefix),
            "wildcard" => Pattern(body, inner, "wildcard", PatternLimits.Wildcard),
            "regexp" => Pattern(body, inner, "regexp", PatternLimits.Regexp),
            "fuzzy" => Fuzzy(body, inner),
            "range" => Range(body, inner),
            "query_string" => QueryString(body, inner),
            "simple_query_string" => SimpleQueryString(body, inner),
            _ => throw new SearchQueryException(path, $"unknown query type '{type}' (known: {string.Join(", ", Types)})"),
        };
    }

    /// <summary>Counts clauses toward the whole query's budget.</summary>
    private void Count(int clauses, string path)
    {
        _clauses += clauses;
        if (_clauses > MaxTotalClauses)
        {
            throw new SearchQueryException(path, $"the query has more than {N(MaxTotalClauses)} clauses and values in all ({TotalClausesName})");
        }
    }

    private static void CheckClauseCount(JsonNode? body, string path, string what)
    {
        var count = body is JsonObject obj
            ? obj.Where(p => p.Key is "must" or "filter" or "should" or "must_not").Sum(p => p.Value is JsonArray a ? a.Count : 1)
            : body is JsonArray array ? array.Count : 0;
        if (count > MaxClauseCount)
        {
            throw new SearchQueryException(path, $"{what} has {N(count)}; the limit ({ClauseCountName}) is {N(MaxClauseCount)}");
        }
    }

    private Query Bool(JsonNode? body, string path)
    {
        CheckClauseCount(body, path, "the bool query's clauses (must, filter, should, must_not together)");
        var obj = Object(body, path, "{ \"must\": [ ... ], \"filter\": [ ... ] }");
        var query = new BooleanQuery();
        var positive = false;
        var shoulds = 0;
        JsonNode? minimum = null;
        foreach (var (key, value) in obj)
        {
            var at = $"{path}.{key}";
            switch (key)
            {
                case "must":
                    foreach (var (n, p) in OneOrMany(value, at)) query.Add(Parse(n, p), Occur.MUST);
                    positive = true;
                    break;
                case "filter":
                    // Lucene 4.8 has no FILTER occurrence: a required clause that adds nothing to the score.
                    foreach (var (n, p) in OneOrMany(value, at)) query.Add(new ConstantScoreQuery(Parse(n, p)) { Boost = 0 }, Occur.MUST);
                    positive = true;
                    break;
                case "should":
                    foreach (var (n, p) in OneOrMany(value, at))
                    {
                        query.Add(Parse(n, p), Occur.SHOULD);
                        shoulds++;
                    }
                    break;
                case "must_not":
                    foreach (var (n, p) in OneOrMany(value, at)) query.Add(Parse(n, p), Occur.MUST_NOT);
                    break;
                case "boost":
                    query.Boost = Boost(value, at);
                    break;
                case "minimum_should_match":
                    minimum = value;
                    break;
                default:
                    throw new SearchQueryException(at, "unknown bool property (expected must, should, must_not, filter, boost, minimum_should_match)");
            }
        }
        if (!positive && shoulds == 0)
        {
            // Only exclusions: exclude from everything, as Elasticsearch does (a Lucene query with only MUST_NOT matches nothing).
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (minimum is not null)
        {
            query.MinimumNumberShouldMatch = MinimumShouldMatch(minimum, shoulds, $"{path}.minimum_should_match");
        }
        return query;
    }

    private static int MinimumShouldMatch(JsonNode node, int shoulds, string path)
    {
        var text = Text(node, path).Trim();
        var percent = text.EndsWith('%');
        if (!int.TryParse(percent ? text[..^1] : text, out var n))
        {
            throw new SearchQueryException(path, $"expected a number such as 2, -1 or \"50%\", not {Show(node)}");
        }
        var count = percent ? shoulds * Math.Abs(n) / 100 : Math.Abs(n);
        return Math.Clamp(n < 0 ? shoulds - count : count, 0, shoulds);
    }

    private Query Term(JsonNode? body, string path)
    {
        var (field, value) = FieldAndValue(Object(body, path, "{ \"Content.ContentItem.ContentType\": \"BlogPost\" }"), path,
            "{ \"Content.ContentItem.ContentType\": \"BlogPost\" }");
        var at = $"{path}.{field}";
        var (raw, boost) = ValueAndBoost(value, at, "value");
        var query = Exact(field, raw, $"{at}{(value is JsonObject ? ".value" : "")}");
        return Boosted(query, boost);
    }

    private Query Terms(JsonNode? body, string path)
    {
        var obj = Object(body, path, "{ \"Content.ContentItem.ContentType\": [\"BlogPost\", \"Page\"] }");
        var (field, value) = FieldAndValue(obj, path, "{ \"Content.ContentItem.ContentType\": [\"BlogPost\", \"Page\"] }", "boost");
        var at = $"{path}.{field}";
        if (value is not JsonArray values)
        {
            throw new SearchQueryException(at, $"expected an array of values, not {Show(value)}");
        }
        CheckClauseCount(values, at, "the terms query's values");
        Count(values.Count, at);
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < values.Count; i++)
        {
            query.Add(Exact(field, values[i], $"{at}[{i}]"), Occur.SHOULD);
        }
        return Boosted(query, obj["boost"] is { } b ? Boost(b, $"{path}.boost") : null);
    }

    /// <summary>One exact value, in the field's encoding.</summary>
    private Query Exact(string field, JsonNode? value, string path)
    {
        switch (context.FieldKind(field) ?? (IsNumber(value) ? IndexFieldKind.Number : IndexFieldKind.Keyword))
        {
            case IndexFieldKind.Number:
                var number = Number(value, path);
                return NumericFields.DoubleRange(field, number, number, true, true);
            case IndexFieldKind.DateTicks:
                var ticks = DateTicks(value, path);
                return NumericFields.Int64Range(field, ticks, ticks, true, true);
            default:
                return new TermQuery(new Term(field, Text(value, path)));
        }
    }

    private Query Match(JsonNode? body, string path)
    {
        var (field, value) = FieldAndValue(Object(body, path, "{ \"Content.ContentItem.FullText\": \"digital skills\" }"), path,
            "{ \"Content.ContentItem.FullText\": \"digital skills\" }");
        var at = $"{path}.{field}";
        string text;
        var occur = Occur.SHOULD;
        JsonNode? fuzziness = null;
        float? boost = null;
        if (value is JsonObject options)
        {
            text = Text(options["query"] ?? throw new SearchQueryException(at, "expected a \"query\""), $"{at}.query");
            foreach (var (key, option) in options)
            {
                switch (key)
                {
                    case "query": break;
                    case "operator":
                        occur = Text(option, $"{at}.operator").ToLowerInvariant() switch
                        {
                            "and" => Occur.MUST,
                            "or" => Occur.SHOULD,
                            _ => throw new SearchQueryException($"{at}.operator", "expected \"and\" or \"or\""),
                        };
                        break;
                    case "fuzziness": fuzziness = option; break;
                    case "boost": boost = Boost(option, $"{at}.boost"); break;
                    default: throw new SearchQueryException($"{at}.{key}", "unknown match option (expected query, operator, fuzziness, boost)");
                }
            }
        }
        else
        {
            text = Text(value, at);
        }
        if (context.FieldKind(field) is IndexFieldKind.Keyword or IndexFieldKind.Number or IndexFieldKind.DateTicks)
        {
            return Boosted(Exact(field, JsonValue.Create(text), at), boost);
        }
        var terms = context.Analyze(field, text);
        if (terms.Count > MaxClauseCount)
        {
            throw new SearchQueryException(at, $"the text makes {N(terms.Count)} terms; the limit ({ClauseCountName}) is {N(MaxClauseCount)}");
        }
        var query = new BooleanQuery();
        foreach (var (term, _) in terms)
        {
            query.Add(fuzziness is null
                ? new TermQuery(new Term(field, term))
                : PatternLimits.Fuzzy(field, term, Edits(fuzziness, term, $"{at}.fuzziness"), 0, at), occur);
        }
        return Boosted(query.Clauses.Count == 1 ? query.Clauses[0].Query : query, boost);
    }

    private Query MatchPhrase(JsonNode? body, string path)
    {
        var (field, value) = FieldAndValue(Object(body, path, "{ \"Content.ContentItem.FullText\": \"digital skills\" }"), path,
            "{ \"Content.ContentItem.FullText\": \"digital skills\" }");
        var at = $"{path}.{field}";
        var slop = 0;
        float? boost = null;
        string text;
        if (value is JsonObject options)
        {
            text = Text(options["query"] ?? throw new SearchQueryException(at, "expected a \"query\""), $"{at}.query");
            foreach (var (key, option) in options)
            {
                switch (key)
                {
                    case "query": break;
                    case "slop": slop = Math.Max(0, Int(option, $"{at}.slop")); break;
                    case "boost": boost = Boost(option, $"{at}.boost"); break;
                    default: throw new SearchQueryException($"{at}.{key}", "unknown match_phrase option (expected query, slop, boost)");
                }
            }
        }
        else
        {
            text = Text(value, at);
        }
        return Boosted(Phrase(field, text, slop, at), boost);
    }

    /// <summary>A phrase analyzed as the field was (stop words leave gaps, as in the index).</summary>
    public Query Phrase(string field, string text, int slop, string path)
    {
        var terms = context.Analyze(field, text);
        if (terms.Count > MaxClauseCount)
        {
            throw new SearchQueryException(path, $"the phrase makes {N(terms.Count)} terms; the limit ({ClauseCountName}) is {N(MaxClauseCount)}");
        }
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }
        return terms.Count == 0 ? new BooleanQuery() : phrase;
    }

    private static Query MatchAll(JsonNode? body, string path)
    {
        var obj = body is null ? [] : Object(body, path, Example);
        var query = new MatchAllDocsQuery();
        foreach (var (key, value) in obj)
        {
            query.Boost = key == "boost" ? Boost(value, $"{path}.boost") : throw new SearchQueryException($"{path}.{key}", "unknown match_all property (expected boost)");
        }
        return query;
    }

    /// <summary>prefix, wildcard, regexp: <c>{ "field": "pattern" }</c> or <c>{ "field": { "value": "pattern", "boost": 2 } }</c>.</summary>
    private static Query Pattern(JsonNode? body, string path, string type, Func<string, string, string, Query> create)
    {
        var (field, value) = FieldAndValue(Object(body, path, $"{{ \"Content.ContentItem.DisplayText.keyword\": \"Main*\" }}"), path,
            "{ \"Content.ContentItem.DisplayText.keyword\": \"Main*\" }");
        var at = $"{path}.{field}";
        var (raw, boost) = ValueAndBoost(value, at, "value", type);
        var valueAt = value is JsonObject ? $"{at}.{(value.AsObject().ContainsKey("value") ? "value" : type)}" : at;
        return Boosted(create(field, Text(raw, valueAt), valueAt), boost);
    }

    private Query Fuzzy(JsonNode? body, string path)
    {
        var (field, value) = FieldAndValue(Object(body, path, "{ \"Content.ContentItem.FullText\": \"skils\" }"), path,
            "{ \"Content.ContentItem.FullText\": \"skils\" }");
        var at = $"{path}.{field}";
        if (value is not JsonObject options)
        {
            var term = Text(value, at);
            return PatternLimits.Fuzzy(field, term, Edits(null, term, at), 0, at);
        }
        var text = Text(options["value"] ?? throw new SearchQueryException(at, "expected a \"value\""), $"{at}.value");
        var edits = Edits(options["fuzziness"], text, $"{at}.fuzziness");
        var prefix = 0;
        float? boost = null;
        foreach (var (key, option) in options)
        {
            switch (key)
            {
                case "value" or "fuzziness": break;
                case "prefix_length": prefix = Math.Max(0, Int(option, $"{at}.prefix_length")); break;
                case "boost": boost = Boost(option, $"{at}.boost"); break;
                default: throw new SearchQueryException($"{at}.{key}", "unknown fuzzy option (expected value, fuzziness, prefix_length, boost)");
            }
        }
        return Boosted(PatternLimits.Fuzzy(field, text, edits, prefix, $"{at}.value"), boost);
    }

    /// <summary>Elasticsearch's fuzziness: 0, 1, 2 or AUTO (none up to 2 characters, 1 up to 5, else 2).</summary>
    private static int Edits(JsonNode? node, string term, string path)
    {
        if (node is null || Text(node, path).Equals("AUTO", StringComparison.OrdinalIgnoreCase))
        {
            return term.Length <= 2 ? 0 : term.Length <= 5 ? 1 : 2;
        }
        var edits = Int(node, path);
        return edits is >= 0 and <= LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE
            ? edits
            : throw new SearchQueryException(path, "fuzziness must be 0, 1, 2 or \"AUTO\"");
    }

    private Query Range(JsonNode? body, string path)
    {
        var (field, value) = FieldAndValue(Object(body, path, "{ \"Content.ContentItem.CreatedUtc\": { \"gte\": \"2024-01-01\" } }"), path,
            "{ \"Content.ContentItem.CreatedUtc\": { \"gte\": \"2024-01-01\" } }");
        var at = $"{path}.{field}";
        var bounds = Object(value, at, "{ \"gte\": 10, \"lt\": 20 }");
        JsonNode? lower = null, upper = null;
        bool lowerInclusive = false, upperInclusive = false;
        float? boost = null;
        foreach (var (key, bound) in bounds)
        {
            switch (key)
            {
                case "gt" or "gte":
                    if (lower is not null) throw new SearchQueryException($"{at}.{key}", "give only one of gt and gte");
                    (lower, lowerInclusive) = (bound ?? throw new SearchQueryException($"{at}.{key}", "a bound must not be null"), key == "gte");
                    break;
                case "lt" or "lte":
                    if (upper is not null) throw new SearchQueryException($"{at}.{key}", "give only one of lt and lte");
                    (upper, upperInclusive) = (bound ?? throw new SearchQueryException($"{at}.{key}", "a bound must not be null"), key == "lte");
                    break;
                case "boost":
                    boost = Boost(bound, $"{at}.boost");
                    break;
                default:
                    throw new SearchQueryException($"{at}.{key}", "unknown range property (expected gt, gte, lt, lte, boost)");
            }
        }
        if (lower is null && upper is null)
        {
            throw new SearchQueryException(at, "a range needs at least one of gt, gte, lt, lte");
        }
        var sample = lower ?? upper;
        var kind = context.FieldKind(field)
            ?? (IsNumber(sample) ? IndexFieldKind.Number : LooksLikeDate(sample) ? IndexFieldKind.DateTicks : IndexFieldKind.Keyword);
        var lowerAt = $"{at}.{(lowerInclusive ? "gte" : "gt")}";
        var upperAt = $"{at}.{(upperInclusive ? "lte" : "lt")}";
        Query query = kind switch
        {
            IndexFieldKind.Number => NumericFields.DoubleRange(field,
                lower is null ? null : Number(lower, lowerAt), upper is null ? null : Number(upper, upperAt), lowerInclusive, upperInclusive),
            IndexFieldKind.DateTicks => NumericFields.Int64Range(field,
                lower is null ? null : DateTicks(lower, lowerAt), upper is null ? null : DateTicks(upper, upperAt), lowerInclusive, upperInclusive),
            _ => TermRangeQuery.NewStringRange(field,
                lower is null ? null : Text(lower, lowerAt), upper is null ? null : Text(upper, upperAt), lowerInclusive, upperInclusive),
        };
        return Boosted(query, boost);
    }

    private Query QueryString(JsonNode? body, string path)
    {
        var obj = Object(body, path, "{ \"query\": \"digital AND skills\", \"default_field\": \"Content.ContentItem.FullText\" }");
        var text = Text(obj["query"] ?? throw new SearchQueryException(path, "expected a \"query\""), $"{path}.query");
        var field = CoreFieldsDefault;
        var and = false;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "query": break;
                case "default_field":
                    field = Text(value, $"{path}.default_field");
                    if (field.Length == 0) throw new SearchQueryException($"{path}.default_field", "a field name must not be empty");
                    break;
                case "default_operator": and = Operator(value, $"{path}.default_operator"); break;
                default: throw new SearchQueryException($"{path}.{key}", "unknown query_string property (expected query, default_field, default_operator)");
            }
        }
        QueryStringLimits.Check(text, $"{path}.query");
        var parser = new LimitedQueryParser(field, context.Analyzer, $"{path}.query")
        {
            DefaultOperator = and ? QueryParserBase.AND_OPERATOR : QueryParserBase.OR_OPERATOR,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException ex) when (ex.InnerException is BooleanQuery.TooManyClausesException)
        {
            throw QueryStringLimits.TooManyClauses($"{path}.query");
        }
        catch (ParseException ex)
        {
            throw new SearchQueryException($"{path}.query", $"cannot parse '{Shorten(text)}': {Shorten(FirstLine(ex.Message), 200)}");
        }
        catch (ArgumentException ex)
        {
            // Lucene's parser refuses some inputs this way (a range on an empty default field).
            throw new SearchQueryException($"{path}.query", $"cannot parse '{Shorten(text)}': {Shorten(FirstLine(ex.Message), 200)}");
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw QueryStringLimits.TooManyClauses($"{path}.query");
        }
    }

    private Query SimpleQueryString(JsonNode? body, string path)
    {
        var obj = Object(body, path, "{ \"query\": \"\\\"digital skills\\\"\", \"fields\": [\"Content.ContentItem.FullText\"] }");
        var text = Text(obj["query"] ?? throw new SearchQueryException(path, "expected a \"query\""), $"{path}.query");
        var weights = new Dictionary<string, float>();
        var and = false;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "query": break;
                case "fields":
                    foreach (var (node, at) in OneOrMany(value, $"{path}.fields"))
                    {
                        var spec = Text(node, at);
                        var caret = spec.LastIndexOf('^');
                        weights[caret > 0 ? spec[..caret] : spec] = caret > 0 ? Boost(JsonValue.Create(spec[(caret + 1)..]), at) : 1f;
                    }
                    break;
                case "default_operator": and = Operator(value, $"{path}.default_operator"); break;
                default: throw new SearchQueryException($"{path}.{key}", "unknown simple_query_string property (expected query, fields, default_operator)");
            }
        }
        if (weights.Count == 0)
        {
            weights[CoreFieldsDefault] = 1f;
        }
        QueryStringLimits.Check(text, $"{path}.query");
        var parser = new LimitedSimpleQueryParser(context.Analyzer, weights, $"{path}.query") { DefaultOperator = and ? Occur.MUST : Occur.SHOULD };
        try
        {
            // The simple syntax never fails; text that analyzes to nothing matches nothing.
            return parser.Parse(text) ?? new BooleanQuery();
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw QueryStringLimits.TooManyClauses($"{path}.query");
        }
        catch (ArgumentException ex)
        {
            throw new SearchQueryException($"{path}.query", $"cannot parse '{Shorten(text)}': {Shorten(FirstLine(ex.Message), 200)}");
        }
    }

    /// <summary>Orchard's default search field (LuceneSettings.DefaultSearchFields).</summary>
    private const string CoreFieldsDefault = IndexFieldNames.FullText;

    private static bool Operator(JsonNode? node, string path) => Text(node, path).ToLowerInvariant() switch
    {
        "and" => true,
        "or" => false,
        _ => throw new SearchQueryException(path, "expected \"and\" or \"or\""),
    };

    /// <summary>A value given bare or as <c>{ "value": ..., "boost": n }</c> (older DSL spellings name the value after the type).</summary>
    private static (JsonNode? Value, float? Boost) ValueAndBoost(JsonNode? node, string path, params string[] valueKeys)
    {
        if (node is not JsonObject obj)
        {
            return (node, null);
        }
        JsonNode? value = null;
        float? boost = null;
        foreach (var (key, item) in obj)
        {
            if (valueKeys.Contains(key)) value = item;
            else if (key == "boost") boost = Boost(item, $"{path}.boost");
            else throw new SearchQueryException($"{path}.{key}", $"unknown property (expected {valueKeys[0]}, boost)");
        }
        return (value ?? throw new SearchQueryException(path, $"expected a \"{valueKeys[0]}\""), boost);
    }

    private static Query Boosted(Query query, float? boost)
    {
        if (boost is { } b) query.Boost = b;
        return query;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string Shorten(string text, int length = 60) => text.Length > length ? text[..(length - 3)] + "..." : text;
}
