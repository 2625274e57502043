using System.Net;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>A site whose Anonymous role lacks ExecuteGraphQL (the Articles recipe keeps the built-in defaults).</summary>
public sealed class GraphQLPermissionTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(services =>
        {
            TestSchemaSource.Register(services);
            TestApiAuthentication.Register(services);
        }, TestSite.SetupRecipe("article.recipe.json"));
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task A_caller_without_ExecuteGraphQL_gets_401_with_a_GraphQL_error()
    {
        var answer = await _site.Http.GraphQLPostAsync("{ whoami }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The caller does not hold the ExecuteGraphQL permission."));
        Assert.That(answer.Json!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("Unauthorized"));
        Assert.That(answer.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task An_application_whose_role_holds_ExecuteGraphQL_gets_200()
    {
        var answer = await _site.Http.GraphQLPostAsync("{ whoami }", authorization: TestApiAuthentication.Bearer("Administrator"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.CacheControl, Is.EqualTo("no-store, private"));
    }

    [Test]
    public async Task A_bearer_token_the_site_did_not_issue_gets_401_not_anonymous_access()
    {
        var answer = await _site.Http.GraphQLPostAsync("{ whoami }", authorization: "Bearer not-a-token");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("The bearer token is not valid"));
    }

    [Test]
    public async Task An_application_whose_role_lacks_ExecuteGraphQL_gets_401()
    {
        var answer = await _site.Http.GraphQLPostAsync("{ whoami }", authorization: TestApiAuthentication.Bearer("Editor"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), answer.ToString());
    }
}
