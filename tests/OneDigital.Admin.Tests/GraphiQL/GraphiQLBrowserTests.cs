// Why: GraphiQL must start under the admin's Content-Security-Policy (self scripts only, no inline script or style),
// run a query as the signed-in administrator and show the schema's documentation. The page and GraphiQL inside it
// pass axe-core (the vendored UI with the admin's own colours, editor labels and tab stops).
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Testing.Web.Browsers;

namespace OneDigital.Admin.Tests.GraphiQL;

public sealed class GraphiQLBrowserTests : BrowserTest
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    [Test]
    public async Task An_administrator_runs_a_query_in_graphiql_and_reads_the_schema_docs()
    {
        await Site.CreateItemAsync("BlogPost", "Digital champions in libraries", publish: true);
        var failures = new List<string>();
        Page.Console += (_, message) => { if (message.Type == "error") failures.Add($"{message.Text} ({message.Location})"); };
        Page.PageError += (_, error) => failures.Add(error);
        Page.Response += (_, response) => { if (response.Status >= 400) failures.Add($"{response.Status} {response.Url}"); };
        await SignInAsync();

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "GraphiQL" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/graphql");
        await Assertions.Expect(Page.Locator(".graphiql-container")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".result-window")).ToContainTextAsync("Digital champions in libraries", new() { Timeout = 15_000 });
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "graphiql-result.png"), FullPage = true });

        await Page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        var docs = Page.Locator(".graphiql-doc-explorer");
        await Assertions.Expect(docs).ToContainTextAsync("Root Types", new() { Timeout = 15_000 });
        await docs.GetByText("Query", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(docs).ToContainTextAsync("blogPost");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "graphiql-docs.png"), FullPage = true });

        var frame = await Page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector("#graphiql")] }, new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        Assert.That(frame.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Target))}"), Is.Empty, "the page around GraphiQL");
        var inside = await Page.RunAxe(new AxeRunContext { Include = [new AxeSelector("#graphiql")] }, new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        Assert.That(inside.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target))}"), Is.Empty,
            "GraphiQL itself, with the admin's colours, labels and tab stops (graphiql.css, graphiql.mjs)");
        // GraphiQL's stylesheet embeds its fonts as data: URLs, which the admin's font-src 'self' blocks: it falls back
        // to the system's fonts. The admin has no favicon. Anything else (a blocked script or style) fails the test.
        var unexpected = failures.Where(f => !f.StartsWith("Loading the font 'data:font/", StringComparison.Ordinal) && !f.Contains("/favicon.ico", StringComparison.Ordinal));
        Assert.That(unexpected, Is.Empty, "GraphiQL ran without script errors or other blocked resources");
    }
}
