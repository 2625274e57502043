using System.Text.Json.Nodes;
using OneDigital.Search.Queries;

namespace OneDigital.Search.Tests.Queries;

public sealed class LuceneQueryExecutorTests : QueryStoreFixture
{
    private const string ByType = """
        { "query": { "term": { "Content.ContentItem.ContentType": "{{ type }}" } },
          "sort": { "Content.ContentItem.CreatedUtc": { "order": "{{ order | default: 'desc' }}", "type": "double" } },
          "size": {{ size | default: 10 }} }
        """;

    private string _old = "", _middle = "", _new = "";

    [SetUp]
    public async Task CreateArticlesAsync()
    {
        _old = await CreateAsync("Old news", "First.", new(2023, 1, 1), rating: 2.5);
        _middle = await CreateAsync("Middle news", "Second.", new(2024, 1, 1));
        _new = await CreateAsync("New news", "Third.", new(2025, 1, 1));
    }

    private Task<LuceneQueryResults> RunAsync(string template, string parameters, bool items = true) =>
        Get<LuceneQueryExecutor>().RunAsync("Search", template, JsonNode.Parse(parameters)!.AsObject(), items);

    [Test]
    public async Task Liquid_parameters_fill_the_template_before_it_is_parsed()
    {
        var result = await RunAsync(ByType, """{ "type": "Article", "size": 2 }""");
        Assert.That((result.Count, result.ContentItems!.Select(i => i.ContentItemId)), Is.EqualTo((3, new[] { _new, _middle })));
        result = await RunAsync(ByType, """{ "type": "Article", "order": "asc" }""");
        Assert.That(result.ContentItems!.Select(i => i.ContentItemId), Is.EqualTo(new[] { _old, _middle, _new }));
    }

    [Test]
    public async Task A_parameter_cannot_break_out_of_the_string_it_fills()
    {
        var result = await RunAsync(ByType, """{ "type": "Article\" } }, \"size\": 0, \"x\": { \"y\": \"" }""");
        Assert.That(result.Count, Is.Zero);
    }

    [Test]
    public async Task Content_items_are_the_published_versions_in_hit_order_without_unpublished_ones()
    {
        var draft = await CreateAsync("Draft news", "Not yet.", new(2026, 1, 1), publish: false);
        var result = await RunAsync(ByType, """{ "type": "Article" }""");
        Assert.That(result.Count, Is.EqualTo(4), "the index still holds the draft's document");
        Assert.That(result.ContentItems!.Select(i => i.ContentItemId), Is.EqualTo(new[] { _new, _middle, _old }));
        Assert.That(result.ContentItems!.All(i => i.Published), Is.True);
        Assert.That(result.ContentItems!.Select(i => i.ContentItemId), Does.Not.Contain(draft));
        var json = result.ToJson();
        Assert.That((json["count"]!.GetValue<int>(), json["items"]![0]!["DisplayText"]!.GetValue<string>()), Is.EqualTo((4, "New news")));
    }

    [Test]
    public async Task Documents_are_the_stored_fields_of_each_hit()
    {
        var result = await RunAsync(ByType, """{ "type": "Article", "order": "asc", "size": 1 }""", items: false);
        var doc = result.Documents!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(doc["ContentItemId"]!.GetValue<string>(), Is.EqualTo(_old));
            Assert.That(doc["Content.ContentItem.DisplayText.keyword"]!.GetValue<string>(), Is.EqualTo("Old news"));
            Assert.That(doc["Content.ContentItem.CreatedUtc"]!.GetValue<long>(), Is.EqualTo(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks));
            Assert.That(doc["Article.Rating"]!.GetValue<double>(), Is.EqualTo(2.5));
            Assert.That(doc.ContainsKey("Content.ContentItem.FullText"), Is.False, "not stored");
        });
        Assert.That(result.ToJson()["items"]![0]!["ContentItemId"]!.GetValue<string>(), Is.EqualTo(_old));
    }

    [Test]
    public void An_invalid_template_is_refused_as_a_query_error()
    {
        var ex = Assert.ThrowsAsync<SearchQueryException>(() => RunAsync("{ \"size\": {{ size ", "{}"));
        Assert.That(ex!.Message, Does.StartWith("template: The Liquid template is invalid"));
    }

    [Test]
    public void An_unknown_index_is_reported_as_such()
    {
        Assert.ThrowsAsync<OneDigital.Search.Indexes.UnknownIndexException>(() =>
            Get<LuceneQueryExecutor>().RunAsync("Nope", """{ "query": { "match_all": {} } }""", null, true));
    }

    [TestCase("{% for i in (1..100000000) %}{% endfor %}", "the range (1..100000000) has 100,000,000 items; the limit (liquid max_range_length) is 10,000")]
    [TestCase("{% for i in (1..n) %}{% endfor %}", "the range (1..100000000) has 100,000,000 items")]
    [TestCase("{% assign all = (n..1) %}", "(liquid max_range_length)")]
    [TestCase("{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}", "the template ran more than 10,000 steps (liquid max_steps)")]
    [TestCase("{% for i in (1..2000) %}{{ big }}{{ big }}{{ big }}{% endfor %}", "the template made more than 1,000,000 characters (liquid max_output_length)")]
    [TestCase("{% assign s = big %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}", "(liquid max_output_length)")]
    [TestCase("{% capture s %}{{ big }}{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "(liquid max_output_length)")]
    public void A_template_that_would_run_or_grow_without_bound_is_refused_naming_the_limit(string loop, string message)
    {
        var before = GC.GetTotalMemory(forceFullCollection: false);
        var ex = Assert.ThrowsAsync<SearchQueryException>(() => RunAsync(loop + """{ "query": { "match_all": {} } }""",
            $$"""{ "n": 100000000, "big": "{{new string('x', 200)}}" }"""));
        Assert.That(ex!.Message, Does.StartWith("template: ").And.Contain(message));
        Assert.That(GC.GetTotalMemory(forceFullCollection: false) - before, Is.LessThan(200_000_000), "memory stayed bounded");
    }

    [Test]
    public async Task Loops_and_captures_inside_the_limits_still_render()
    {
        const string template = """
            {% capture type %}{{ kind }}{% endcapture %}
            { "query": { "bool": { "should": [ {% for i in (1..3) %}{% if i > 1 %},{% endif %}{ "term": { "Content.ContentItem.ContentType": "{{ type }}" } }{% endfor %} ] } } }
            """;
        var result = await RunAsync(template, """{ "kind": "Article" }""");
        Assert.That(result.Count, Is.EqualTo(3));
    }
}
