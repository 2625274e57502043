// Why: each hostile query from the hardening issue (a regexp that overflowed the stack, automata that took seconds,
// a fuzzy term of 60,000 characters, 2,000 bool clauses, 5,000 terms, 1e300) is refused fast, naming its JSON path
// and the limit, while queries inside the limits keep working.
using OneDigital.Search.Queries;

namespace OneDigital.Search.Tests.Queries;

public sealed class QueryLimitsTests
{
    private const string Field = "Content.ContentItem.FullText";

    private TestIndex _index = null!;

    [SetUp]
    public void FillIndex()
    {
        _index = new TestIndex()
            .Add("a1", "Article", "Digital skills", "Libraries help aaaa people.", new(2024, 1, 10), 4.5, "t1")
            .Add("a2", "Article", "Champions", "Champions help people in libraries.", new(2024, 3, 5), 3, "t2");
    }

    [TearDown]
    public void DisposeIndex() => _index.Dispose();

    /// <summary>
    /// Parses and runs a query that must be refused; returns the message. The message names our limit, so the refusal
    /// came from the check made before Lucene builds anything (Lucene's own refusals name none).
    /// </summary>
    private string Refusal(string dsl) => Assert.ThrowsAsync<SearchQueryException>(() => _index.RunAsync(dsl))!.Message;

    private static string Clause(string type, string value) =>
        $$"""{ "query": { "{{type}}": { "{{Field}}": {{System.Text.Json.JsonSerializer.Serialize(value)}} } } }""";

    [Test]
    public void A_regexp_repetition_past_the_state_limit_is_refused_before_Lucene_reads_it()
    {
        Assert.That(Refusal(Clause("regexp", "a{1,100000}")),
            Does.StartWith($"query.regexp.{Field}: the repetition {{n,m}} bound 100000").And.Contain("max_determinized_states"));
        Assert.That(Refusal(Clause("regexp", "a{99999999999999999999}")), Does.Contain("bound 99999999999999999999"));
        Assert.That(Refusal(Clause("regexp", "(a{1,200}){1,200}")), Does.Contain("max_determinized_states"));
        Assert.That(Refusal(Clause("regexp", "a{1,10000}")), Does.Contain("too complex").And.Contain("10,000"));
    }

    [Test]
    public void A_regexp_longer_than_max_regex_length_is_refused()
    {
        Assert.That(Refusal(Clause("regexp", new string('a', 1001))),
            Is.EqualTo($"query.regexp.{Field}: the regexp is 1,001 characters long; the limit (max_regex_length) is 1,000"));
    }

    [TestCase("(a|b)*a(a|b){20}")]
    [TestCase(".*a.{30}")]
    [TestCase("~(.*a.{16})")]
    [TestCase("(.*a.{12})&(.*b.{12})")]
    [TestCase("[a-z]*a[a-z]{14}x")]
    public void A_regexp_whose_automaton_would_explode_is_refused_quickly(string pattern)
    {
        Assert.That(Refusal(Clause("regexp", pattern)), Does.Contain("max_determinized_states"));
    }

    [Test]
    public void Nesting_past_the_limit_is_refused_before_any_parser_recurses()
    {
        Assert.That(Refusal(Clause("regexp", new string('(', 300) + "a" + new string(')', 300))), Does.Contain("max_regex_nesting"));
        Assert.That(Refusal(Clause("regexp", "a" + new string('*', 500))), Does.Contain("max_regex_nesting"));
        Assert.That(Refusal($$"""{ "query": { "query_string": { "query": "{{new string('(', 500)}}x{{new string(')', 500)}}" } } }"""),
            Does.StartWith("query.query_string.query: ").And.Contain("max_query_string_nesting"));
    }

    [TestCase("librar(y|ies)", "a2")]
    [TestCase("a{2,6}", "a1")]
    [TestCase("~(.*s)&h.*", "a1")]
    [TestCase("[a-z]{1,200}x", null)]
    [TestCase("(a|b)*a(a|b){8}", null)]
    [TestCase("<1-100>", null)]
    public async Task Regexps_inside_the_limits_run_as_before(string pattern, string? match)
    {
        var (ids, _) = await _index.RunAsync(Clause("regexp", pattern));
        if (match is not null) Assert.That(ids, Does.Contain(match));
    }

    [Test]
    public void Wildcards_prefixes_and_fuzzy_terms_are_capped()
    {
        Assert.That(Refusal(Clause("wildcard", "*a" + new string('?', 20))), Does.Contain("max_determinized_states"));
        Assert.That(Refusal(Clause("wildcard", new string('a', 1001) + "*")), Does.Contain("(max_pattern_length) is 1,000"));
        Assert.That(Refusal(Clause("prefix", new string('a', 1001))), Does.StartWith($"query.prefix.{Field}: the prefix is 1,001 characters long"));
        Assert.That(Refusal(Clause("fuzzy", new string('a', 60_000))),
            Is.EqualTo($"query.fuzzy.{Field}: the fuzzy term is 60,000 characters long; the limit (max_fuzzy_term_length) is 255"));
        Assert.That(Refusal($$"""{ "query": { "fuzzy": { "{{Field}}": { "value": "{{new string('a', 300)}}", "fuzziness": 2 } } } }"""),
            Does.StartWith($"query.fuzzy.{Field}.value: "));
    }

    [Test]
    public void Query_strings_keep_the_same_limits_inside_their_own_syntax()
    {
        string QueryString(string text) => Refusal($$"""{ "query": { "query_string": { "query": {{System.Text.Json.JsonSerializer.Serialize(text)}} } } }""");
        Assert.That(QueryString("/a{1,100000}/"), Does.StartWith("query.query_string.query: the repetition"));
        Assert.That(QueryString("/(a|b)*a(a|b){20}/"), Does.Contain("max_determinized_states"));
        Assert.That(QueryString("x*a" + new string('?', 20)), Does.Contain("max_determinized_states"));
        Assert.That(QueryString(new string('a', 300) + "~2"), Does.Contain("max_fuzzy_term_length"));
        Assert.That(QueryString(string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"{i}"))), Does.Contain("max_clause_count"));
        Assert.That(QueryString(new string('a', 10_001)), Does.Contain("max_query_string_length"));
        Assert.That(Refusal($$"""{ "query": { "simple_query_string": { "query": "{{new string('a', 300)}}~2" } } }"""), Does.Contain("max_fuzzy_term_length"));
    }

    [Test]
    public void A_bool_with_more_clauses_than_Lucene_allows_is_refused_naming_its_path()
    {
        var clauses = string.Join(",", Enumerable.Repeat("""{ "match_all": {} }""", 2000));
        Assert.That(Refusal($$"""{ "query": { "bool": { "must": { "match_all": {} }, "should": [ {{clauses}} ] } } }"""),
            Is.EqualTo("query.bool: the bool query's clauses (must, filter, should, must_not together) has 2,001; the limit (max_clause_count) is 1,024"));
    }

    [Test]
    public void Terms_with_more_values_than_Lucene_allows_are_refused_naming_its_path()
    {
        var values = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"v{i}\""));
        Assert.That(Refusal($$"""{ "query": { "terms": { "Article.Topics": [ {{values}} ] } } }"""),
            Is.EqualTo("query.terms.Article.Topics: the terms query's values has 5,000; the limit (max_clause_count) is 1,024"));
    }

    [Test]
    public void Nested_bools_are_capped_by_the_whole_querys_clause_budget()
    {
        var inner = string.Join(",", Enumerable.Repeat("""{ "term": { "Article.Topics": "t1" } }""", 1000));
        var bools = string.Join(",", Enumerable.Repeat($$"""{ "bool": { "should": [ {{inner}} ] } }""", 11));
        Assert.That(Refusal($$"""{ "query": { "bool": { "should": [ {{bools}} ] } } }"""), Does.Contain("(max_total_clauses)"));
    }

    [Test]
    public async Task Huge_numbers_are_values_like_any_other_and_infinite_ones_are_refused()
    {
        Assert.That((await _index.RunAsync("""{ "query": { "term": { "Article.Rating": 1e300 } } }""")).Count, Is.Zero);
        Assert.That((await _index.RunAsync("""{ "query": { "range": { "Article.Rating": { "gte": -1e300, "lte": 1e300 } } } }""")).Count, Is.EqualTo(2));
        Assert.That((await _index.RunAsync("""{ "query": { "range": { "Untyped.Number": { "gte": 1e300 } } } }""")).Count, Is.Zero);
        Assert.That(Refusal("""{ "query": { "term": { "Article.Rating": 1e400 } } }"""), Does.StartWith("query.term.Article.Rating: 1e400 is too large"));
        Assert.That(Refusal("""{ "query": { "range": { "Article.Rating": { "gte": "Infinity" } } } }"""), Does.StartWith("query.range.Article.Rating.gte: "));
        Assert.That(Refusal("""{ "query": { "match_all": { "boost": 1e300 } } }"""), Does.StartWith("query.match_all.boost: ").And.Contain("max_boost"));
        Assert.That(Refusal("""{ "query": { "range": { "Content.ContentItem.CreatedUtc": { "gte": 1e300 } } } }"""), Does.Contain("out of range"));
        Assert.That(Refusal("""{ "size": 1e300 }"""), Does.StartWith("size: "));
        Assert.That(Refusal("""{ "query": { "match_phrase": { "Content.ContentItem.FullText": { "query": "a b", "slop": 1e300 } } } }"""), Does.Contain("slop"));
    }
}
