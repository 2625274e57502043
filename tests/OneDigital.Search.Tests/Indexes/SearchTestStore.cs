using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Indexes;

/// <summary>
/// A test store with the search services and a small model: <c>Article</c> (title, markdown body, one field of each
/// kind) and <c>Note</c>; index <c>Articles</c> (published Articles, English analyzer) and <c>Drafts</c> (latest
/// Articles and Notes). No worker: tests make the indexer's passes themselves.
/// </summary>
public sealed class SearchTestStore : IAsyncDisposable
{
    public const string Model = """
        {
          "name": "SearchTests",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [
                { "Name": "Article", "Settings": { "ContentTypeSettings": { "Draftable": true, "Versionable": true } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "TitlePart", "Name": "TitlePart" },
                    { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "{{ Model.ContentItem | display_text | slugify }}" } } },
                    { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" },
                    { "PartName": "Article", "Name": "Article" } ] },
                { "Name": "Note", "Settings": { "ContentTypeSettings": { "Draftable": true } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] }
              ],
              "ContentParts": [
                { "Name": "Article", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "TextField", "Name": "Subtitle" },
                    { "FieldName": "NumericField", "Name": "Rating" },
                    { "FieldName": "BooleanField", "Name": "Featured" },
                    { "FieldName": "DateTimeField", "Name": "HeldOn" },
                    { "FieldName": "LinkField", "Name": "Website" },
                    { "FieldName": "TaxonomyField", "Name": "Topics" },
                    { "FieldName": "ContentPickerField", "Name": "Related" },
                    { "FieldName": "HtmlField", "Name": "Notes" } ] }
              ] },
            { "name": "CreateOrUpdateIndexProfile",
              "indexes": [
                { "Name": "Articles", "IndexName": "Articles", "ProviderName": "Lucene", "Type": "Content",
                  "Properties": { "ContentIndexMetadata": { "IndexLatest": false, "IndexedContentTypes": [ "Article" ] },
                                  "LuceneIndexMetadata": { "AnalyzerName": "englishanalyzer", "StoreSourceData": true } } },
                { "Name": "Drafts", "IndexName": "Drafts", "ProviderName": "Lucene", "Type": "Content",
                  "Properties": { "ContentIndexMetadata": { "IndexLatest": true, "IndexedContentTypes": [ "Article", "Note" ] },
                                  "LuceneIndexMetadata": { "AnalyzerName": "standardanalyzer" } } }
              ] }
          ]
        }
        """;

    private SearchTestStore(TestStore store) => Store = store;

    public TestStore Store { get; }

    public IServiceProvider Services => Store.Services;

    public SearchIndexer Indexer => Services.GetRequiredService<SearchIndexer>();

    public LuceneIndexes Indexes => Services.GetRequiredService<LuceneIndexes>();

    public static async Task<SearchTestStore> CreateAsync(TestDatabase database = TestDatabase.Sqlite, bool withModel = true)
    {
        var store = await TestStore.CreateAsync(database, configureServices: s => s.AddOneDigitalSearch());
        var result = new SearchTestStore(store);
        if (withModel)
        {
            await store.ImportAsync(Model);
        }
        return result;
    }

    /// <summary>Creates an Article (published unless told otherwise) and returns it.</summary>
    public async Task<ContentItem> CreateArticleAsync(string title, string body = "", bool publish = true, Action<ContentItem>? fill = null, string type = "Article")
    {
        await using var scope = Store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(type);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        if (type == "Article") item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        fill?.Invoke(item);
        await manager.CreateAsync(item, publish);
        return item;
    }

    public async Task ChangeAsync(string contentItemId, Func<ContentManager, ContentItem, Task> change, VersionOptions version = VersionOptions.Latest)
    {
        await using var scope = Store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.GetAsync(contentItemId, version) ?? throw new InvalidOperationException($"No item {contentItemId}.");
        await change(manager, item);
    }

    /// <summary>The ids of the documents matching a term, in the index as this node sees it now.</summary>
    public Task<List<string>> IdsAsync(string index, string field, string value) =>
        IdsAsync(index, new TermQuery(new Term(field, value)));

    public Task<List<string>> IdsAsync(string index, Query query) =>
        Services.GetRequiredService<ILuceneSearcherSource>().SearchAsync(index, searcher =>
            searcher.Search(query, 100).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFieldNames.ContentItemId)).ToList());

    public Task<Lucene.Net.Documents.Document?> DocumentAsync(string index, string contentItemId) =>
        Services.GetRequiredService<ILuceneSearcherSource>().SearchAsync(index, searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(IndexFieldNames.ContentItemId, contentItemId)), 1).ScoreDocs;
            return hits.Length == 0 ? null : searcher.Doc(hits[0].Doc);
        });

    public static JsonObject Field(ContentItem item, string field) =>
        (JsonObject)(item.GetOrCreatePart("Article")[field] ??= new JsonObject());

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();
}
