// Why: the setup recipe lets everyone execute GraphQL (partners' public reads), so GraphiQL asks for Orchard's
// stronger ExecuteGraphQLMutations: an editor holding only ExecuteGraphQL sees no entry and is refused the page and
// its endpoint.
using System.Net;
using System.Text;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Tests.GraphiQL;

public sealed class GraphiQLPermissionTests : AdminSiteTests
{
    protected override Task PrepareAsync() => Site.CreateItemAsync("BlogPost", "Digital champions in libraries", publish: true);

    [Test]
    public async Task An_editor_without_execute_graphql_mutations_is_refused_the_page_the_endpoint_and_the_menu_entry()
    {
        await Site.AddUserAsync("nographql", "NoGraphQL-Pa55word!", BuiltInRoles.Editor);
        using var editor = Site.NewClient();
        await editor.SignInAsync("nographql", "NoGraphQL-Pa55word!");
        await editor.HtmlAsync("/admin/graphql", HttpStatusCode.Forbidden);
        // The layout's sign-out form gives a valid token: the refusal below is the permission's, not antiforgery's.
        var token = AdminClient.AntiforgeryToken(await editor.HtmlAsync("/admin/account"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/graphql/execute")
        {
            Content = new StringContent("""{"query":"{ blogPost { displayText } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await editor.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), body);
        Assert.That(body, Does.Contain("ExecuteGraphQLMutations"));
        Assert.That(body, Does.Not.Contain("Digital champions"));
        Assert.That(await editor.HtmlAsync("/admin/configuration"), Does.Not.Contain("href=\"/admin/graphql\""));
    }

    [Test]
    public async Task The_administrator_opens_graphiql()
    {
        var html = await Admin.HtmlAsync("/admin/graphql");
        Assert.That(html, Does.Contain("data-testid=\"graphiql\""));
    }
}
