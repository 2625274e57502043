using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.GraphQL.Support;

/// <summary>One site per fixture (the GraphQL test recipe, the test schema, the test "Api" scheme), with the fixture's settings.</summary>
public abstract class GraphQLSiteFixture(params string[] settings)
{
    private TestSite _store = null!;

    protected RunningSite Site { get; private set; } = null!;

    protected HttpClient Http => Site.Http;

    /// <summary>The site's store, for changes made as another process would (own service provider, none of the site's events).</summary>
    protected TestSite Store => _store;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        Site = await _store.StartAsync(services =>
        {
            TestSchemaSource.Register(services);
            TestApiAuthentication.Register(services);
        }, [GraphQLSites.SetupRecipe, .. settings]);
        await Site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await Site.DisposeAsync();
        await _store.DisposeAsync();
    }

    public static string QueryFile(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "GraphQL", "Queries", name));
}
