using Lucene.Net.Search;
using OneDigital.Search.Queries;

namespace OneDigital.Search.Tests.Queries;

public sealed class QueryDslTests
{
    private TestIndex _index = null!;

    [SetUp]
    public void FillIndex()
    {
        _index = new TestIndex()
            .Add("a1", "Article", "Digital skills for everyone", "Learning to use the internet safely.", new(2024, 1, 10), 4.5, "t1")
            .Add("a2", "Article", "Community champions", "Champions help people learn digital skills in libraries.", new(2024, 3, 5), 3, "t1", "t2")
            .Add("p1", "Page", "About us", "The programme supports digital inclusion.", new(2023, 6, 1))
            .Add("b1", "BlogPost", "Mainstream services", "Services moving online leave some people behind.", new(2024, 5, 20), 5);
    }

    [TearDown]
    public void DisposeIndex() => _index.Dispose();

    private async Task<List<string>> IdsAsync(string dsl) => (await _index.RunAsync(dsl)).Ids;

    private static List<string> Sorted(List<string> ids) => [.. ids.Order()];

    [Test]
    public async Task Match_all_finds_every_document_and_counts_them()
    {
        var (ids, count) = await _index.RunAsync("""{ "query": { "match_all": {} } }""");
        Assert.That((ids.Count, count), Is.EqualTo((4, 4)));
    }

    [Test]
    public async Task A_request_without_a_query_matches_everything_and_returns_ten_hits_by_default()
    {
        var request = new QueryDslParser(_index.Context).Parse("{}");
        Assert.That((request.Size, request.From, request.Sort), Is.EqualTo((10, 0, (Lucene.Net.Search.Sort?)null)));
        Assert.That(await IdsAsync("{}"), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Term_matches_a_keyword_exactly_in_either_form()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "term": { "Content.ContentItem.ContentType": "Article" } } }""")), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "term": { "Content.ContentItem.ContentType": { "value": "Page", "boost": 2 } } } }"""), Is.EqualTo(new[] { "p1" }));
        Assert.That(await IdsAsync("""{ "query": { "term": { "Content.ContentItem.ContentType": "article" } } }"""), Is.Empty);
    }

    [Test]
    public async Task Term_on_a_boolean_or_number_uses_the_indexed_form()
    {
        Assert.That(await IdsAsync("""{ "query": { "term": { "Content.ContentItem.Published": true } } }"""), Has.Count.EqualTo(4));
        Assert.That(await IdsAsync("""{ "query": { "term": { "Article.Rating": 3 } } }"""), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Terms_matches_any_of_its_values()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "terms": { "Content.ContentItem.ContentType": ["Page", "BlogPost"] } } }""")), Is.EqualTo(new[] { "b1", "p1" }));
        Assert.That(Sorted(await IdsAsync("""{ "query": { "terms": { "Article.Topics": ["t2"], "boost": 1.5 } } }""")), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Match_analyzes_its_text_and_any_word_matches_unless_the_operator_is_and()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "match": { "Content.ContentItem.FullText": "LIBRARIES Internet" } } }""")), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "match": { "Content.ContentItem.FullText": { "query": "digital libraries", "operator": "and" } } } }"""), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Match_with_fuzziness_forgives_a_typing_mistake()
    {
        Assert.That(await IdsAsync("""{ "query": { "match": { "Content.ContentItem.FullText": "librries" } } }"""), Is.Empty);
        Assert.That(await IdsAsync("""{ "query": { "match": { "Content.ContentItem.FullText": { "query": "librries", "fuzziness": "AUTO", "boost": 2 } } } }"""), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Match_phrase_needs_the_words_in_order_unless_slop_allows_otherwise()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "match_phrase": { "Content.ContentItem.FullText": "digital skills" } } }""")), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "match_phrase": { "Content.ContentItem.FullText": "skills digital" } } }"""), Is.Empty);
        Assert.That(await IdsAsync("""{ "query": { "match_phrase": { "Content.ContentItem.FullText": { "query": "people digital", "slop": 2 } } } }"""), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Prefix_wildcard_regexp_and_fuzzy_match_terms_by_pattern()
    {
        Assert.That(await IdsAsync("""{ "query": { "prefix": { "Content.ContentItem.DisplayText.keyword": "Comm" } } }"""), Is.EqualTo(new[] { "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "wildcard": { "Content.ContentItem.DisplayText.keyword": "Main*" } } }"""), Is.EqualTo(new[] { "b1" }));
        Assert.That(await IdsAsync("""{ "query": { "wildcard": { "Content.ContentItem.DisplayText.keyword": { "value": "About?us" } } } }"""), Is.EqualTo(new[] { "p1" }));
        Assert.That(await IdsAsync("""{ "query": { "regexp": { "Content.ContentItem.FullText": "librar(y|ies)" } } }"""), Is.EqualTo(new[] { "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "fuzzy": { "Content.ContentItem.FullText": "inclusoin" } } }"""), Is.EqualTo(new[] { "p1" }));
        Assert.That(await IdsAsync("""{ "query": { "fuzzy": { "Content.ContentItem.FullText": { "value": "inclusoin", "fuzziness": 0 } } } }"""), Is.Empty);
    }

    [Test]
    public async Task Range_on_a_number_honours_inclusive_and_exclusive_bounds()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "range": { "Article.Rating": { "gte": 4.5 } } } }""")), Is.EqualTo(new[] { "a1", "b1" }));
        Assert.That(await IdsAsync("""{ "query": { "range": { "Article.Rating": { "gt": 3, "lt": 5 } } } }"""), Is.EqualTo(new[] { "a1" }));
    }

    [Test]
    public async Task Range_on_a_date_takes_iso_strings_or_ticks()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "range": { "Content.ContentItem.CreatedUtc": { "gte": "2024-01-01", "lt": "2024-04-01T00:00:00Z" } } } }""")),
            Is.EqualTo(new[] { "a1", "a2" }));
        var ticks = new DateTime(2024, 5, 20, 0, 0, 0, DateTimeKind.Utc).Ticks;
        Assert.That(await IdsAsync($$"""{ "query": { "range": { "Content.ContentItem.CreatedUtc": { "gte": {{ticks}} } } } }"""), Is.EqualTo(new[] { "b1" }));
        Assert.That(await IdsAsync("""{ "query": { "range": { "Content.ContentItem.CreatedUtc": { "gt": "2024-05-20T00:00:00Z" } } } }"""), Is.Empty);
    }

    [Test]
    public async Task Query_string_uses_lucene_syntax_on_the_default_field()
    {
        Assert.That(await IdsAsync("""{ "query": { "query_string": { "query": "digital AND libraries", "default_field": "Content.ContentItem.FullText" } } }"""), Is.EqualTo(new[] { "a2" }));
        Assert.That(Sorted(await IdsAsync("""{ "query": { "query_string": { "query": "\"digital skills\"" } } }""")), Is.EqualTo(new[] { "a1", "a2" }));
    }

    [Test]
    public async Task Simple_query_string_searches_the_given_fields()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "simple_query_string": { "query": "\"digital skills\"", "fields": ["Content.ContentItem.FullText"] } } }""")),
            Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(await IdsAsync("""{ "query": { "simple_query_string": { "query": "champions", "fields": ["Content.ContentItem.DisplayText.Analyzed^2", "Content.BodyAspect.Body"] } } }"""),
            Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Bool_combines_must_filter_should_and_must_not()
    {
        Assert.That(await IdsAsync("""
            { "query": { "bool": {
                "must": { "match": { "Content.ContentItem.FullText": "digital" } },
                "filter": [ { "term": { "Content.ContentItem.ContentType": "Article" } } ],
                "must_not": [ { "match": { "Content.ContentItem.FullText": "libraries" } } ] } } }
            """), Is.EqualTo(new[] { "a1" }));
        Assert.That(await IdsAsync("""
            { "query": { "bool": { "should": [
                { "match": { "Content.ContentItem.FullText": "digital" } },
                { "match": { "Content.ContentItem.FullText": "libraries" } },
                { "match": { "Content.ContentItem.FullText": "champions" } } ], "minimum_should_match": 2 } } }
            """), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task Bool_with_only_must_not_excludes_from_everything()
    {
        Assert.That(Sorted(await IdsAsync("""{ "query": { "bool": { "must_not": { "term": { "Content.ContentItem.ContentType": "Article" } } } } }""")),
            Is.EqualTo(new[] { "b1", "p1" }));
    }

    [Test]
    public async Task A_filter_does_not_change_the_order_by_relevance()
    {
        const string must = """{ "match": { "Content.ContentItem.FullText": "digital skills people" } }""";
        var scored = await IdsAsync($$"""{ "query": { "bool": { "must": {{must}} } } }""");
        var filtered = await IdsAsync($$"""{ "query": { "bool": { "must": {{must}}, "filter": { "term": { "Content.ContentItem.Published": "true" } } } } }""");
        Assert.That(filtered, Is.EqualTo(scored));
    }

    [Test]
    public async Task Sort_by_a_date_works_with_orchards_double_type()
    {
        Assert.That(await IdsAsync("""{ "query": { "match_all": {} }, "sort": { "Content.ContentItem.CreatedUtc": { "order": "desc", "type": "double" } } }"""),
            Is.EqualTo(new[] { "b1", "a2", "a1", "p1" }));
        Assert.That(await IdsAsync("""{ "sort": [ { "Content.ContentItem.CreatedUtc": "asc" } ] }"""), Is.EqualTo(new[] { "p1", "a1", "a2", "b1" }));
    }

    [Test]
    public async Task Sort_takes_several_fields_in_turn()
    {
        Assert.That(await IdsAsync("""{ "sort": [ "Content.ContentItem.ContentType", { "Content.ContentItem.CreatedUtc": { "order": "desc" } } ] }"""),
            Is.EqualTo(new[] { "a2", "a1", "b1", "p1" }));
        var byScore = await IdsAsync("""{ "query": { "match": { "Content.ContentItem.FullText": "digital libraries" } }, "sort": [ "_score" ] }""");
        Assert.That((byScore.Count, byScore[0]), Is.EqualTo((3, "a2")));
    }

    [Test]
    public async Task Size_and_from_return_one_page_while_the_count_covers_every_hit()
    {
        const string sort = "\"sort\": { \"Content.ContentItem.CreatedUtc\": { \"order\": \"desc\" } }";
        Assert.That(await _index.RunAsync($$"""{ {{sort}}, "size": 2, "from": 1 }"""), Is.EqualTo((new List<string> { "a2", "a1" }, 4)));
        Assert.That(await _index.RunAsync($$"""{ {{sort}}, "size": 0 }"""), Is.EqualTo((new List<string>(), 4)));
        Assert.That(await _index.RunAsync($$"""{ {{sort}}, "size": 5, "from": 10 }"""), Is.EqualTo((new List<string>(), 4)));
    }

    [Test]
    public void One_parser_parses_any_number_of_queries_each_within_its_own_clause_budget()
    {
        var parser = new QueryDslParser(_index.Context);
        const string dsl = """{ "query": { "bool": { "must": { "match": { "Content.ContentItem.FullText": "online" } }, "filter": { "term": { "Content.ContentItem.ContentType": "BlogPost" } } } } }""";

        // Three clauses each: 4,000 queries are 12,000 clauses, more than one query may hold.
        for (var i = 0; i < 4_000; i++) parser.Parse(dsl);

        Assert.That(parser.Parse(dsl).Query, Is.InstanceOf<BooleanQuery>());
    }

    [TestCase("""{ "query": { "bool": { "must": [ { "match_all": {} }, { "trem": { "x": "y" } } ] } } }""",
        "query.bool.must[1]: unknown query type 'trem'")]
    [TestCase("""{ "query": { "bool": { "mustnt": [] } } }""", "query.bool.mustnt: unknown bool property")]
    [TestCase("""{ "query": { "term": { "a": "b", "c": "d" } } }""", "query.term: expected exactly one field")]
    [TestCase("""{ "query": { "match": { "Content.ContentItem.FullText": { "operator": "and" } } } }""", "query.match.Content.ContentItem.FullText: expected a \"query\"")]
    [TestCase("""{ "query": { "match": { "Content.ContentItem.FullText": { "query": "x", "operator": "xor" } } } }""", "query.match.Content.ContentItem.FullText.operator: expected \"and\" or \"or\"")]
    [TestCase("""{ "query": { "range": { "Article.Rating": { } } } }""", "query.range.Article.Rating: a range needs at least one of gt, gte, lt, lte")]
    [TestCase("""{ "query": { "range": { "Content.ContentItem.CreatedUtc": { "gte": "last tuesday" } } } }""", "query.range.Content.ContentItem.CreatedUtc.gte: 'last tuesday' is not a date")]
    [TestCase("""{ "query": { "range": { "Article.Rating": { "gte": "high" } } } }""", "query.range.Article.Rating.gte: expected a number")]
    [TestCase("""{ "query": { "fuzzy": { "Content.ContentItem.FullText": { "value": "x", "fuzziness": 3 } } } }""", "query.fuzzy.Content.ContentItem.FullText.fuzziness: fuzziness must be 0, 1, 2 or \"AUTO\"")]
    [TestCase("""{ "query": { "regexp": { "Content.ContentItem.FullText": "(unclosed" } } }""", "query.regexp.Content.ContentItem.FullText: '(unclosed' is not a valid regexp")]
    [TestCase("""{ "query": { "query_string": { "query": "digital AND (" } } }""", "query.query_string.query: cannot parse 'digital AND ('")]
    [TestCase("""{ "query": { "match_all": {}, "term": {} } }""", "query: expected exactly one query type")]
    [TestCase("""{ "query": [] }""", "query: expected an object")]
    [TestCase("""{ "sort": { "Content.ContentItem.CreatedUtc": { "order": "up" } } }""", "sort.Content.ContentItem.CreatedUtc.order: expected \"asc\" or \"desc\", not 'up'")]
    [TestCase("""{ "sort": { "Unknown": { "type": "date" } } }""", "sort.Unknown.type: unknown sort type 'date'")]
    [TestCase("""{ "size": -1 }""", "size: expected a whole number of at least 0")]
    [TestCase("""{ "size": 5000, "from": 6000 }""", "size: from + size must not exceed 10000")]
    [TestCase("""{ "query": { "match_all": {} }, "highlight": {} }""", "highlight: unknown property")]
    [TestCase("""{ "query": """, "$: the query is not valid JSON")]
    [TestCase("""[]""", "$: the query must be a JSON object")]
    public void An_invalid_query_is_refused_with_a_message_naming_where_and_what(string dsl, string message)
    {
        var ex = Assert.Throws<SearchQueryException>(() => new QueryDslParser(_index.Context).Parse(dsl));
        Assert.That(ex!.Message, Does.StartWith(message));
    }
}
