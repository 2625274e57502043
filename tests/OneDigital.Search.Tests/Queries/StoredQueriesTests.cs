using System.Text.Json.Nodes;
using OneDigital.Content.Security;
using OneDigital.Search.Queries;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Queries;

public sealed class StoredQueriesTests : QueryStoreFixture
{
    private const string Recipe = """
        { "name": "queries", "steps": [
          { "name": "queries", "Queries": [
            { "Source": "Lucene", "Name": "RecentArticles", "Index": "Search", "ReturnContentItems": true,
              "Schema": "{ \"type\": \"ContentItem/Article\" }",
              "Template": "{ \"query\": { \"term\": { \"Content.ContentItem.ContentType\": \"Article\" } }, \"sort\": { \"Content.ContentItem.CreatedUtc\": { \"order\": \"desc\", \"type\": \"double\" } }, \"size\": {{ size | default: 3 }} }" },
            { "Source": "Lucene", "Name": "ArticleDocuments", "Properties": { "LuceneQueryMetadata": { "Index": "Search", "Template": "{ \"query\": { \"match_all\": {} } }" } } },
            { "Source": "Sql", "Name": "SqlArticles", "Template": "SELECT * FROM ContentItemIndex" } ] },
          { "name": "CreateOrUpdateIndexProfile", "indexes": [ { "Name": "Search", "IndexName": "Search", "ProviderName": "Lucene", "Type": "Content", "Properties": { "ContentIndexMetadata": { "IndexedContentTypes": ["Article"] } } },
            { "Name": "Archive", "IndexName": "Archive", "ProviderName": "Lucene", "Type": "Content", "Properties": { "ContentIndexMetadata": { "IndexedContentTypes": ["Article"] } } } ] } ] }
        """;

    private readonly List<string> _ids = [];

    [SetUp]
    public async Task ImportAsync()
    {
        _ids.Clear();
        await Store.ImportAsync(Recipe);
        for (var i = 0; i < 4; i++)
        {
            _ids.Add(await CreateAsync($"Article {i}", "Text.", new(2024, 1, 1 + i)));
        }
    }

    [Test]
    public async Task A_stored_lucene_query_runs_by_name_with_its_parameters()
    {
        var queries = Get<StoredQueries>();
        var result = await queries.RunAsync("recentarticles", null);
        Assert.That(result.ContentItems!.Select(i => i.ContentItemId), Is.EqualTo(new[] { _ids[3], _ids[2], _ids[1] }));
        result = await queries.RunAsync("RecentArticles", new JsonObject { ["size"] = 1 });
        Assert.That((result.Count, result.ContentItems!.Count), Is.EqualTo((4, 1)));
    }

    [Test]
    public async Task A_query_stored_in_orchard_2s_shape_runs_and_returns_documents_unless_it_asks_for_items()
    {
        var result = await Get<StoredQueries>().RunAsync("ArticleDocuments", null);
        Assert.That((result.Count, result.ContentItems, result.Documents!.Count), Is.EqualTo((4, (object?)null, 4)));
    }

    [Test]
    public async Task Unknown_queries_are_refused_and_sql_queries_run_on_the_store()
    {
        Assert.ThrowsAsync<UnknownQueryException>(() => Get<StoredQueries>().RunAsync("Nope", null));
        var sql = await Get<StoredQueries>().RunAsync("SqlArticles", null);
        Assert.That(sql.Documents!.Select(d => (string?)d["ContentItemId"]), Is.EquivalentTo(_ids));
    }

    [Test]
    public async Task Each_query_and_index_has_its_own_permission_implied_by_orchards_general_one()
    {
        var catalogue = Get<PermissionCatalogue>();
        var execute = await catalogue.FindAsync("ExecuteApi_RecentArticles");
        var archive = await catalogue.FindAsync("QueryLuceneArchiveIndex");
        var search = await catalogue.FindAsync("QueryLuceneSearchIndex");
        Assert.That(execute!.GrantingNames(), Does.Contain("ExecuteApiAll"));
        Assert.That(archive!.GrantingNames(), Does.Contain("ManageLuceneIndexes"));
        Assert.That(search, Is.SameAs(Permissions.QueryLuceneSearchIndex));
    }
}
