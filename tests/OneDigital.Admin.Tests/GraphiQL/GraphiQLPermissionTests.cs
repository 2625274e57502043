// Why: the setup recipe lets everyone (Anonymous, Authenticated) execute GraphQL, as partners' public queries need;
// a site that takes ExecuteGraphQL away must see GraphiQL's page and its endpoint refuse those without it.
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Tests.GraphiQL;

public sealed class GraphiQLPermissionTests : AdminSiteTests
{
    protected override async Task PrepareAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        foreach (var role in new[] { BuiltInRoles.Anonymous, BuiltInRoles.Authenticated })
        {
            await roles.SaveAsync(role, null, [Permissions.ExecuteGraphQL.Name], PermissionBehavior.Remove);
        }
        await Site.CreateItemAsync("BlogPost", "Digital champions in libraries", publish: true);
    }

    [Test]
    public async Task An_editor_without_execute_graphql_is_refused_the_page_the_endpoint_and_the_menu_entry()
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

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), body);
        Assert.That(body, Does.Contain("ExecuteGraphQL"));
        Assert.That(body, Does.Not.Contain("Digital champions"));
        Assert.That(await editor.HtmlAsync("/admin/configuration"), Does.Not.Contain("href=\"/admin/graphql\""));
    }

    [Test]
    public async Task The_administrator_still_runs_queries()
    {
        var html = await Admin.HtmlAsync("/admin/graphql");
        Assert.That(html, Does.Contain("data-testid=\"graphiql\""));
    }
}
