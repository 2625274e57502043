using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>
/// A fresh store per test, on the fixture's database, with a small model: Page (draftable and versionable),
/// Note (neither: saved in place) and Report (draftable, with one field of each indexed kind).
/// </summary>
public abstract class StoreFixture(TestDatabase database)
{
    protected TestDatabase Database { get; } = database;
    private TestStore? _store;
    private AsyncServiceScope _scope;

    protected TestStore Store => _store ?? throw new InvalidOperationException("The store is made in SetUp.");
    protected AsyncServiceScope Scope => _store is not null ? _scope : throw new InvalidOperationException("The store is made in SetUp.");
    protected ContentManager Manager => Get<ContentManager>();

    protected StoreTransaction Transaction => Get<StoreTransaction>();
    protected ContentQuery Query => Get<ContentQuery>();

    /// <summary>The store's rows, for tests about what is stored rather than what a read returns.</summary>
    protected ContentDbContext Db => Get<ContentDbContext>();

    [SetUp]
    public async Task CreateStoreAsync()
    {
        _store = await TestStore.CreateAsync(Database, configureServices: ConfigureServices);
        _scope = _store.Scope();
        // One change, so one save: the model costs a store no more than one write.
        await Get<ContentDefinitionStore>().AlterAsync(doc =>
        {
            doc.ContentTypes.Add(Type("Page", new ContentTypeSettings { Draftable = true, Versionable = true }, "TitlePart", "Page"));
            doc.ContentTypes.Add(Type("Note", new ContentTypeSettings(), "TitlePart"));
            doc.ContentTypes.Add(Type("Report", new ContentTypeSettings { Draftable = true }, "TitlePart", "Report"));
            doc.ContentParts.Add(Part("Page", ("Summary", "TextField")));
            doc.ContentParts.Add(Part("Report",
                ("PartNumber", "NumericField"), ("Summary", "TextField"), ("IssuedOn", "DateField"), ("Featured", "BooleanField"), ("Topics", "TaxonomyField")));
            SettingsReader.Write(doc.Part("Report")!.Field("PartNumber")!.Settings, new NumericFieldSettings { Required = true });
        });
    }

    private static ContentTypeDefinition Type(string name, ContentTypeSettings settings, params string[] parts)
    {
        var type = new ContentTypeDefinition { Name = name, DisplayName = name };
        SettingsReader.Write(type.Settings, settings);
        type.Parts.AddRange(parts.Select(p => new ContentTypePartDefinition { PartName = p, Name = p }));
        return type;
    }

    private static ContentPartDefinition Part(string name, params (string Name, string Kind)[] fields)
    {
        var part = new ContentPartDefinition { Name = name };
        part.Fields.AddRange(fields.Select(f => new ContentPartFieldDefinition { Name = f.Name, FieldName = f.Kind }));
        return part;
    }

    [TearDown]
    public async Task DisposeStoreAsync()
    {
        // After an ignored SetUp (no PostgreSQL configured) there is nothing to dispose.
        if (_store is not null)
        {
            await _scope.DisposeAsync();
            await _store.DisposeAsync();
        }
        _store = null;
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A new store scope, as another request would have: nothing cached, nothing tracked.</summary>
    protected async Task<T> InNewScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = Store.Scope();
        return await read(scope.ServiceProvider);
    }

    protected async Task<ContentItem> CreatePageAsync(string title, bool publish = true)
    {
        var page = await Manager.NewAsync("Page");
        page.GetOrCreatePart("TitlePart")["Title"] = title;
        await Manager.CreateAsync(page, publish);
        return page;
    }

    protected async Task<ContentItem> CreateReportAsync(
        string title, double partNumber, DateTime? issuedOn = null, bool? featured = null, string[]? topics = null, bool publish = true)
    {
        var report = await Manager.NewAsync("Report");
        report.GetOrCreatePart("TitlePart")["Title"] = title;
        var part = report.GetOrCreatePart("Report");
        part["PartNumber"] = new JsonObject { ["Value"] = partNumber };
        part["Summary"] = new JsonObject { ["Text"] = $"About {title}" };
        if (issuedOn is { } date) part["IssuedOn"] = new JsonObject { ["Value"] = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") };
        if (featured is { } flag) part["Featured"] = new JsonObject { ["Value"] = flag };
        if (topics is not null) part["Topics"] = new JsonObject { ["TermContentItemIds"] = new JsonArray(topics.Select(t => (JsonNode?)t).ToArray()) };
        await Manager.CreateAsync(report, publish);
        return report;
    }

    /// <summary>Every version row of an item as (DisplayText, Latest, Published), oldest first.</summary>
    protected async Task<(string?, bool, bool)[]> VersionFlagsAsync(string contentItemId) =>
        (await Query.GetVersionsAsync(contentItemId)).Select(v => (v.DisplayText, v.Latest, v.Published)).ToArray();
}
