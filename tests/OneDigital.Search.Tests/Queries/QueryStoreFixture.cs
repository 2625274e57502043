using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Queries;

/// <summary>
/// A store with an Article type and a test index over it: each article created through <see cref="CreateAsync"/> is
/// written to the store and to the index under the same id, as the indexer would.
/// </summary>
public abstract class QueryStoreFixture
{
    private TestStore? _store;
    private AsyncServiceScope _scope;

    protected TestIndex Index { get; private set; } = null!;

    protected T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    protected TestStore Store => _store!;

    [SetUp]
    public async Task CreateStoreAsync()
    {
        Index = CreateIndex();
        _store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: services =>
        {
            services.AddSingleton<ILuceneSearcherSource>(Index);
            services.AddSingleton<IIndexQueryContextSource>(Index);
            services.AddSearchQueries();
            ConfigureServices(services);
        });
        _scope = _store.Scope();
        await Get<ContentDefinitionStore>().AlterAsync(doc =>
        {
            foreach (var name in new[] { "Article", "LearningSubmission" })
            {
                var type = new ContentTypeDefinition { Name = name, DisplayName = name };
                SettingsReader.Write(type.Settings, new ContentTypeSettings { Draftable = true, Securable = name == "LearningSubmission" });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
                doc.ContentTypes.Add(type);
            }
        });
    }

    protected virtual TestIndex CreateIndex() => new();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [TearDown]
    public async Task DisposeStoreAsync()
    {
        await _scope.DisposeAsync();
        await _store!.DisposeAsync();
        Index.Dispose();
    }

    /// <summary>Creates a published (or draft) item and indexes it; returns its id.</summary>
    protected async Task<string> CreateAsync(string title, string body, DateTime createdUtc, bool publish = true, double? rating = null, string type = "Article", params string[] topics)
    {
        var manager = Get<ContentManager>();
        var item = await manager.NewAsync(type);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.DisplayText = title;
        await manager.CreateAsync(item, publish);
        Index.Add(item.ContentItemId, type, title, body, createdUtc, rating, topics, published: publish);
        return item.ContentItemId;
    }
}
