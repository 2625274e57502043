using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;
using OneDigital.Search.Queries.Sql;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Queries;

/// <summary>
/// Orchard's SQL queries (Source: Sql) over its index tables, run through ContentQuery on both providers: the shapes
/// Orchard's docs use, parameters bound as values, and everything outside the subset refused with what is unsupported.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class SqlQueryTests(TestDatabase database)
{
    private const string Recipe = """
        { "name": "sql", "steps": [
          { "name": "ContentDefinition", "ContentTypes": [
            { "Name": "BlogPost", "DisplayName": "Blog Post", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" } ] },
            { "Name": "Page", "DisplayName": "Page", "Settings": {},
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] },
            { "Name": "Secret", "DisplayName": "Secret", "Settings": { "ContentTypeSettings": { "Securable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
          { "name": "content", "data": [
            { "ContentItemId": "post1", "ContentType": "BlogPost", "DisplayText": "Budgets made simple", "Latest": true, "Published": true,
              "CreatedUtc": "2024-01-01T00:00:00Z", "PublishedUtc": "2024-01-01T00:00:00Z", "TitlePart": { "Title": "Budgets made simple" }, "AutoroutePart": { "Path": "blog/budgets" } },
            { "ContentItemId": "post2", "ContentType": "BlogPost", "DisplayText": "Saving for winter", "Latest": true, "Published": true,
              "CreatedUtc": "2024-02-01T00:00:00Z", "PublishedUtc": "2024-02-01T00:00:00Z", "TitlePart": { "Title": "Saving for winter" }, "AutoroutePart": { "Path": "blog/winter" } },
            { "ContentItemId": "post3", "ContentType": "BlogPost", "DisplayText": "Debt advice", "Latest": true, "Published": true,
              "CreatedUtc": "2024-03-01T00:00:00Z", "PublishedUtc": "2024-03-01T00:00:00Z", "TitlePart": { "Title": "Debt advice" }, "AutoroutePart": { "Path": "blog/debt" } },
            { "ContentItemId": "draft1", "ContentType": "BlogPost", "DisplayText": "Unfinished budgets", "Latest": true, "Published": false,
              "CreatedUtc": "2024-04-01T00:00:00Z", "TitlePart": { "Title": "Unfinished budgets" }, "AutoroutePart": { "Path": "blog/unfinished" } },
            { "ContentItemId": "page1", "ContentType": "Page", "DisplayText": "About budgets", "Latest": true, "Published": true,
              "CreatedUtc": "2024-05-01T00:00:00Z", "TitlePart": { "Title": "About budgets" } },
            { "ContentItemId": "secret1", "ContentType": "Secret", "DisplayText": "Secret budgets", "Latest": true, "Published": true,
              "CreatedUtc": "2024-06-01T00:00:00Z", "TitlePart": { "Title": "Secret budgets" } } ] },
          { "name": "queries", "Queries": [
            { "Source": "Sql", "Name": "ContentItems", "Template": "select * from ContentItemIndex", "ReturnDocuments": false },
            { "Source": "Sql", "Name": "RecentPosts", "Schema": "{ \"type\": \"ContentItem/BlogPost\" }", "ReturnDocuments": true,
              "Template": "select DocumentId from ContentItemIndex where ContentType = 'BlogPost' and Published = 1 order by CreatedUtc desc limit @size:2" },
            { "Source": "Sql", "Name": "ByPath", "ReturnDocuments": false,
              "Template": "SELECT c.DisplayText, a.Path FROM ContentItemIndex c INNER JOIN AutoroutePartIndex a ON c.DocumentId = a.DocumentId WHERE a.Path LIKE {{ prefix }} ORDER BY a.Path" } ] } ] }
        """;

    private TestStore _store = null!;
    private AsyncServiceScope _scope;

    [SetUp]
    public async Task CreateStoreAsync()
    {
        _store = await TestStore.CreateAsync(database, configureServices: services =>
        {
            var index = new TestIndex();
            services.AddSingleton<ILuceneSearcherSource>(index);
            services.AddSingleton<IIndexQueryContextSource>(index);
            services.AddSearchQueries();
        });
        await _store.ImportAsync(Recipe);
        _scope = _store.Scope();
    }

    [TearDown]
    public async Task DisposeStoreAsync()
    {
        await _scope.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
    }

    private Task<LuceneQueryResults> RunAsync(string name, JsonObject? parameters = null) =>
        _scope.ServiceProvider.GetRequiredService<StoredQueries>().RunAsync(name, parameters);

    private Task<LuceneQueryResults> SqlAsync(string sql, JsonObject? parameters = null, bool items = false) =>
        _scope.ServiceProvider.GetRequiredService<SqlQueryExecutor>().RunAsync(sql, parameters, items);

    private static IEnumerable<string?> Ids(LuceneQueryResults results) =>
        results.ContentItems?.Select(i => i.ContentItemId) ?? results.Documents!.Select(d => (string?)d["ContentItemId"]);

    [Test]
    public async Task Orchards_select_star_from_content_item_index_answers_rows_of_published_items_without_securable_types()
    {
        var results = await RunAsync("ContentItems");

        Assert.That(Ids(results), Is.EquivalentTo(new[] { "post1", "post2", "post3", "page1" }));
        Assert.That(results.Count, Is.EqualTo(4));
        var row = results.Documents!.Single(d => (string?)d["ContentItemId"] == "post1");
        Assert.That(((string?)row["ContentType"], (string?)row["DisplayText"], (bool?)row["Published"]), Is.EqualTo(("BlogPost", "Budgets made simple", true)));
    }

    [Test]
    public async Task A_query_returning_documents_answers_the_items_in_its_order_with_its_limit_parameter_and_default()
    {
        Assert.That(Ids(await RunAsync("RecentPosts")), Is.EqualTo(new[] { "post3", "post2" }));
        var all = await RunAsync("recentposts", new JsonObject { ["size"] = 10 });
        Assert.That(Ids(all), Is.EqualTo(new[] { "post3", "post2", "post1" }));
        Assert.That(all.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task A_join_on_the_autoroute_index_filters_and_sorts_by_path_with_a_bound_liquid_parameter()
    {
        var results = await RunAsync("ByPath", new JsonObject { ["prefix"] = "blog/%" });

        Assert.That(results.Documents!.Select(d => (string?)d["Path"]), Is.EqualTo(new[] { "blog/budgets", "blog/debt", "blog/winter" }));
        Assert.That(results.Documents!.Select(d => d.Select(p => p.Key)), Is.All.EqualTo(new[] { "DisplayText", "Path" }));
        // A value that looks like SQL is only ever a value.
        var hostile = await RunAsync("ByPath", new JsonObject { ["prefix"] = "x' or '1'='1" });
        Assert.That(hostile.Documents, Is.Empty);
    }

    [Test]
    public async Task Where_clauses_combine_comparisons_like_in_not_and_or_with_dates_and_offsets()
    {
        Assert.That(Ids(await SqlAsync("select ContentItemId from ContentItemIndex where DisplayText like '%budgets%' order by CreatedUtc")),
            Is.EqualTo(new[] { "post1", "page1" }));
        Assert.That(Ids(await SqlAsync("select ContentItemId from ContentItemIndex where ContentType in ('BlogPost', 'Page') and not (DisplayText like 'Debt%' or ContentType <> 'BlogPost') order by DisplayText")),
            Is.EqualTo(new[] { "post1", "post2" }));
        Assert.That(Ids(await SqlAsync("select ContentItemId from ContentItemIndex where CreatedUtc >= @from and CreatedUtc < '2024-05-01' order by CreatedUtc desc limit 1 offset 1",
            new JsonObject { ["from"] = "2024-02-01T00:00:00Z" })), Is.EqualTo(new[] { "post2" }));
        Assert.That(Ids(await SqlAsync("select top 1 [ContentItemId] from [ContentItemIndex] where ContentType not in (@types) order by CreatedUtc desc",
            new JsonObject { ["types"] = new JsonArray("BlogPost") })), Is.EqualTo(new[] { "page1" }));
    }

    [TestCase("select * from ContentItemIndex; drop table ContentItems", "';' is not supported")]
    [TestCase("drop table ContentItems", "only SELECT is supported")]
    [TestCase("delete from ContentItemIndex", "only SELECT is supported")]
    [TestCase("select * from ContentItemIndex union select * from Users", "'UNION' is not supported")]
    [TestCase("select * from ContentItemIndex where DisplayText = 'x' -- and Published = 1", "comments are not supported")]
    [TestCase("select * from ContentItemIndex /* hidden */", "comments are not supported")]
    [TestCase("select * from ContentItemIndex where ContentItemId in (select ContentItemId from UserIndex)", "subqueries are not supported")]
    [TestCase("select * from (select * from ContentItemIndex)", "subqueries are not supported")]
    [TestCase("select * from Users", "the table 'Users' is not supported")]
    [TestCase("select * from ContentItemIndex left join AutoroutePartIndex on ContentItemIndex.DocumentId = AutoroutePartIndex.DocumentId", "'LEFT' is not supported")]
    [TestCase("select * from ContentItemIndex c join AutoroutePartIndex a on c.DisplayText = a.Path", "a JOIN must be ON a.DocumentId = b.DocumentId")]
    [TestCase("select count(*) from ContentItemIndex", "functions are not supported")]
    [TestCase("select * from ContentItemIndex where Password = 'x'", "the column 'Password' is not supported")]
    [TestCase("select * from ContentItemIndex where DisplayText = DisplayText", "not another column")]
    [TestCase("select * from ContentItemIndex where DisplayText like 'a_b'", "LIKE pattern 'a_b' is not supported")]
    [TestCase("select * from ContentItemIndex where DisplayText = {% if x %}1{% endif %}", "Liquid tags")]
    [TestCase("select * from ContentItemIndex where DisplayText = {{ x | upcase }}", "only Liquid parameters")]
    [TestCase("select * from ContentItemIndex limit 5000", "LIMIT may be at most 1000")]
    [TestCase("select * from ContentItemIndex where DisplayText = @missing", "has no default")]
    [TestCase("select * from ContentItemIndex where CreatedUtc > 'yesterday'", "is not a date value")]
    public void Anything_outside_the_subset_is_refused_naming_what_is_unsupported(string sql, string expected)
    {
        var ex = Assert.ThrowsAsync<SearchQueryException>(() => SqlAsync(sql));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task Sql_queries_with_a_schema_become_graphql_query_fields()
    {
        var fields = await _scope.ServiceProvider.GetRequiredService<Content.Queries.IQueryFieldSource>().ListAsync();
        Assert.That(fields.Select(f => (f.QueryName, f.ReturnContentItems)), Is.EqualTo(new[] { ("RecentPosts", true) }));
        var results = await _scope.ServiceProvider.GetRequiredService<Content.Queries.IQueryFieldSource>().RunAsync("RecentPosts", null);
        Assert.That(results.Items.Select(i => i.ContentItemId), Is.EqualTo(new[] { "post3", "post2" }));
    }
}
