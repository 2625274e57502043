// Why: the hardening issue asks for Lucene DSL queries generated from the DSL's clause types with hostile values,
// seeded so a failure can be replayed; both the executor's tests and the HTTP API's tests draw from this one generator.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OneDigital.Testing;

/// <summary>
/// Generates Lucene DSL request bodies: every clause type, well-formed and not, with huge numbers, long terms, deep
/// bools, wrong types, explosive patterns and broken JSON. The same seed gives the same queries.
/// </summary>
public sealed class LuceneDslFuzzer(int seed)
{
    /// <summary>The seed from <c>ONEDIGITAL_FUZZ_SEED</c> when set (to replay a failure), else a new one.</summary>
    public static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("ONEDIGITAL_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();

    private static readonly string[] Types =
    [
        "bool", "term", "terms", "match", "match_phrase", "match_all", "prefix", "wildcard", "fuzzy", "regexp", "range",
        "query_string", "simple_query_string",
    ];

    private static readonly string[] Fields =
    [
        "Content.ContentItem.FullText", "Content.ContentItem.DisplayText.keyword", "Content.ContentItem.DisplayText.Analyzed",
        "Content.ContentItem.ContentType", "Content.ContentItem.CreatedUtc", "Content.ContentItem.Published", "ContentItemId",
        "Article.Rating", "Article.Topics", "BlogPost.Subtitle.Text", "Unknown.Field", "",
    ];

    private static readonly string[] HostilePatterns =
    [
        "a{1,100000}", "(a|b)*a(a|b){20}", ".*a.{30}", "~(.*a.{16})", "a{99999999999999999999}", "((((((((((a))))))))))",
        "[a-", "(", "\\", "<1-99999999999>", "<name>", "*a????????????????????", "a**********", "#", "@", "\"unterminated",
        "x{2,1}", "[^]", "(.*a.{12})&(.*b.{12})",
    ];

    private static readonly string[] QueryStrings =
    [
        "digital AND skills", "/a{1,100000}/", "title:(a OR b)", "a~2", "x*y?z", "\"unclosed", "((((((", "a^1e300",
        "[a TO z]", "{* TO *}", "field:/(a|b)*a(a|b){20}/", "NOT NOT NOT", "a && || b", "~", "*", "?",
    ];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>The next request body (usually JSON, sometimes broken on purpose).</summary>
    public string Next()
    {
        var roll = _random.Next(100);
        if (roll < 4) return Junk();
        var body = new JsonObject();
        if (_random.Next(10) > 0) body["query"] = Clause(depth: 0);
        if (_random.Next(4) == 0) body["size"] = Count();
        if (_random.Next(6) == 0) body["from"] = Count();
        if (_random.Next(6) == 0) body["sort"] = Sort();
        if (_random.Next(30) == 0) body[Word()] = Value();
        var json = body.ToJsonString();
        return roll < 8 ? Break(json) : json;
    }

    /// <summary>A Liquid-wrapped query sometimes: parameters fill it, loops may try to run away.</summary>
    public (string Template, JsonObject? Parameters) NextTemplate()
    {
        var query = Next();
        return _random.Next(8) switch
        {
            0 => ("{% for i in (1..n) %}{% endfor %}" + query, new JsonObject { ["n"] = Pick(1, 100, 100_000_000) }),
            1 => ("{% assign s = t %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}" + query, new JsonObject { ["t"] = "xy" }),
            2 => ("""{ "query": { "match": { "Content.ContentItem.FullText": "{{ q }}" } }, "size": {{ size | default: 5 }} }""",
                new JsonObject { ["q"] = LongText(), ["size"] = Pick<JsonNode>(3, "x", 1e300, -1) }),
            3 => ("{{ " + Word() + " ", null),
            _ => (query, null),
        };
    }

    private JsonNode Clause(int depth)
    {
        var type = _random.Next(25) == 0 ? Word() : Types[_random.Next(Types.Length)];
        if (_random.Next(40) == 0) return new JsonObject { [type] = Value(), ["term"] = Value() };
        JsonNode? body = type switch
        {
            "bool" => Bool(depth),
            "terms" => new JsonObject { [Field()] = Many(_random.Next(10) == 0 ? Pick(1025, 5000) : _random.Next(6), Scalar), ["boost"] = Maybe(Number) },
            "match" or "match_phrase" => new JsonObject
            {
                [Field()] = _random.Next(2) == 0 ? Scalar() : new JsonObject
                {
                    ["query"] = _random.Next(3) == 0 ? LongText() : Scalar(),
                    ["operator"] = Maybe(() => Pick<JsonNode>("and", "or", "xor", 1)),
                    ["fuzziness"] = Maybe(() => Pick<JsonNode>("AUTO", 0, 2, 3, "x", 1e300)),
                    ["slop"] = Maybe(Number),
                    ["boost"] = Maybe(Number),
                },
            },
            "match_all" => _random.Next(3) == 0 ? new JsonObject { ["boost"] = Number() } : new JsonObject(),
            "prefix" or "wildcard" or "regexp" => new JsonObject
            {
                [Field()] = _random.Next(3) == 0 ? new JsonObject { ["value"] = Pattern(), ["boost"] = Maybe(Number) } : Pattern(),
            },
            "fuzzy" => new JsonObject
            {
                [Field()] = _random.Next(2) == 0 ? Scalar() : new JsonObject
                {
                    ["value"] = _random.Next(3) == 0 ? LongText() : Scalar(),
                    ["fuzziness"] = Maybe(() => Pick<JsonNode>("AUTO", 0, 1, 2, 5, -1, 1e300)),
                    ["prefix_length"] = Maybe(Number),
                },
            },
            "range" => new JsonObject { [Field()] = Range() },
            "query_string" or "simple_query_string" => new JsonObject
            {
                ["query"] = _random.Next(3) == 0 ? LongText() : QueryStrings[_random.Next(QueryStrings.Length)],
                [type == "query_string" ? "default_field" : "fields"] = Maybe(() => type == "query_string" ? Field() : new JsonArray(Field(), $"{Field()}^{Number()}")),
                ["default_operator"] = Maybe(() => Pick<JsonNode>("and", "or", "nand")),
            },
            _ => new JsonObject { [Field()] = _random.Next(4) == 0 ? Value() : Scalar() },
        };
        if (body is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList()) obj.Remove(key);
        }
        return new JsonObject { [type] = body };
    }

    private JsonNode Bool(int depth)
    {
        var body = new JsonObject();
        foreach (var occur in new[] { "must", "should", "must_not", "filter" })
        {
            if (_random.Next(3) != 0) continue;
            // Many clauses are leaves, and deep bools have few: the generator itself must stay small.
            var many = depth < 2 && _random.Next(20) == 0;
            var count = many ? Pick(1025, 2000) : _random.Next(depth > 5 ? 1 : 4);
            JsonNode Leaf() => new JsonObject { ["term"] = new JsonObject { [Field()] = Word() } };
            body[occur] = count == 1 && _random.Next(2) == 0
                ? Clause(depth + 1)
                : Many(count, () => many ? Leaf() : Clause(depth + 1));
        }
        if (_random.Next(5) == 0) body["minimum_should_match"] = Pick<JsonNode>(1, -1, "50%", "x", 1e300);
        if (_random.Next(8) == 0) body["boost"] = Number();
        return body;
    }

    private JsonNode Range()
    {
        var body = new JsonObject();
        foreach (var bound in new[] { "gt", "gte", "lt", "lte" })
        {
            if (_random.Next(3) == 0) body[bound] = _random.Next(3) == 0 ? Pick<JsonNode>("2024-01-01", "not a date", "2024-13-45T99:99:99") : Number();
        }
        if (_random.Next(10) == 0) body[Word()] = 1;
        return body;
    }

    private JsonNode? Sort() => _random.Next(3) switch
    {
        0 => new JsonObject { [Field()] = new JsonObject { ["order"] = Pick("asc", "desc", "up"), ["type"] = Maybe(() => Pick("double", "string", "date")) } },
        1 => new JsonArray(Field(), new JsonObject { [Field()] = "desc" }),
        _ => Value(),
    };

    private JsonNode Count() => Pick<JsonNode>(0, 1, 10, 10_000, -1, 1e300, "5", "many", 2_147_483_648L);

    private JsonNode Number() => _random.Next(12) switch
    {
        0 => 1e300,
        1 => -1.7976931348623157e308,
        2 => double.Epsilon,
        3 => long.MaxValue,
        4 => "Infinity",
        5 => "NaN",
        6 => -1,
        7 => JsonNode.Parse("1e400")!,
        _ => Math.Round(_random.NextDouble() * 100, 2),
    };

    private JsonNode? Scalar() => _random.Next(8) switch
    {
        0 => Number(),
        1 => true,
        2 => null,
        3 => LongText(),
        _ => Word(),
    };

    private JsonNode? Value() => _random.Next(6) switch
    {
        0 => new JsonArray(Scalar(), Scalar()),
        1 => new JsonObject { [Word()] = Scalar() },
        2 => Deep(Pick(3, 30, 70)),
        _ => Scalar(),
    };

    private static JsonNode Deep(int levels)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < levels; i++) node = new JsonObject { ["bool"] = new JsonObject { ["must"] = node } };
        return node;
    }

    private JsonNode Pattern() => _random.Next(3) switch
    {
        0 => HostilePatterns[_random.Next(HostilePatterns.Length)],
        1 => RandomText("ab()[]{}|*+?.~&@#<>-\\\"0123456789,^", _random.Next(1, 40)),
        _ => _random.Next(4) == 0 ? LongText() : Word() + Pick("*", "?", ".*", ""),
    };

    private string Field() => _random.Next(15) == 0 ? LongText() : Fields[_random.Next(Fields.Length)];

    private string Word() => RandomText("abcdefghijklmnopqrstuvwxyz", _random.Next(1, 10));

    private string LongText() => _random.Next(3) switch
    {
        0 => new string('a', Pick(256, 1001, 60_000)),
        1 => RandomText("ab ", Pick(300, 5000)),
        _ => RandomText("abcdefghij(){}[]*?~\"\\ ", Pick(50, 2000, 20_000)),
    };

    private string RandomText(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(alphabet[_random.Next(alphabet.Length)]);
        return text.ToString();
    }

    private JsonArray Many(int count, Func<JsonNode?> item)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++) array.Add(item());
        return array;
    }

    private JsonNode? Maybe(Func<JsonNode?> value) => _random.Next(2) == 0 ? value() : null;

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    private string Junk() => _random.Next(4) switch
    {
        0 => "",
        1 => "{\"query\": " + new string('[', Pick(10, 100, 10_000)),
        2 => RandomText("{}[]\":,0123456789abc \\", _random.Next(1, 200)),
        _ => "{\"query\": {\"match_all\": {}}, \"size\": 1" + new string('0', 400) + "}",
    };

    private string Break(string json) => _random.Next(3) switch
    {
        0 => json[..(_random.Next(json.Length))],
        1 => json.Insert(_random.Next(json.Length), Pick("\"", "{", "]", ",", "\\u12")),
        _ => json.Replace(":", _random.Next(2) == 0 ? "=" : ":", StringComparison.Ordinal),
    };
}
