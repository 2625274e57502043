// Why: stored queries are what partners run; an administrator creates, edits, renames, runs and deletes them in the
// admin, and every mistake (bad JSON, an unknown index, a DSL error) is a message on the form, naming where.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.ImportExport;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Queries;

namespace OneDigital.Admin.Tests.Queries;

public sealed class QueryPageTests : AdminSiteTests
{
    private const string Password = "Someone-Pa55word!";

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("author", Password, "Author");
        await Site.AddUserAsync("editor", Password, "Editor");
        await Site.CreateItemAsync("Page", "Query test page alpha", publish: true);
        await Site.CreateItemAsync("Page", "Query test page beta", publish: true);
    }

    private Task<HttpResponseMessage> SaveAsync(string? original, string name, string source, string template, string? index = null, string? schema = null, bool items = true)
    {
        var page = original is null ? "/admin/queries/edit" : $"/admin/queries/edit?query={Uri.EscapeDataString(original)}";
        List<KeyValuePair<string, string>> fields =
        [
            new("Name", name), new("Source", source), new("Template", template), new("Index", index ?? ""), new("Schema", schema ?? ""),
        ];
        if (items) fields.Add(new("ReturnContentItems", "true"));
        fields.Add(new("ReturnContentItems", "false"));
        if (original is not null) fields.Add(new("query", original));
        return Admin.PostFormAsync(page, fields);
    }

    private async Task<JsonObjectText?> StoredAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QueryDefinitions>().FindAsync(name) is { } found ? new JsonObjectText(found.Query.ToJsonString()) : null;
    }

    private sealed record JsonObjectText(string Json);

    [Test]
    public async Task A_SQL_query_is_created_listed_run_with_parameters_as_a_table_of_items_and_deleted()
    {
        using (var saved = await SaveAsync(null, "PagesByType", "Sql", "SELECT * FROM ContentItemIndex WHERE ContentType = @type AND DisplayText LIKE 'Query test%' ORDER BY DisplayText"))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), ImportSupport.Text(await saved.Content.ReadAsStringAsync()));
            Assert.That(saved.Headers.Location!.ToString(), Is.EqualTo("/admin/queries?saved=PagesByType"));
        }
        var list = ImportSupport.Text(await Admin.HtmlAsync("/admin/queries?saved=PagesByType"));
        Assert.That(list, Does.Contain("The query 'PagesByType' was saved."));
        Assert.That(list, Does.Contain("PagesByType Sql Content items No"));

        var run = await Admin.HtmlAsync("/admin/queries/run?query=PagesByType&parameters=%7B%22type%22%3A%22Page%22%7D&run=1");
        var text = ImportSupport.Text(run);
        Assert.That(text, Does.Contain("2 results"));
        Assert.That(text, Does.Contain("Query test page alpha Page"));
        Assert.That(run, Does.Contain("href=\"/admin/content/"), "each item links to its editor");
        Assert.That(run, Does.Contain("data-testid=\"result-json\""));

        var confirm = ImportSupport.Text(await Admin.HtmlAsync("/admin/queries/delete?query=PagesByType"));
        Assert.That(confirm, Does.Contain("Delete the query PagesByType?"));
        using (var deleted = await Admin.PostFormAsync("/admin/queries/delete?query=PagesByType", [new("query", "PagesByType")]))
        {
            Assert.That(deleted.Headers.Location!.ToString(), Is.EqualTo("/admin/queries?deleted=PagesByType"));
        }
        Assert.That(await StoredAsync("PagesByType"), Is.Null);
        Assert.That(ImportSupport.Text(await Admin.HtmlAsync("/admin/audit")), Does.Contain("query 'PagesByType'"));
    }

    [Test]
    public async Task A_Lucene_query_is_edited_and_renamed_keeping_its_other_properties()
    {
        using (var saved = await SaveAsync(null, "RecentThings", "Lucene", "{ \"query\": { \"match_all\": {} }, \"size\": {{ size | default: 5 }} }", index: "Search", schema: "{ \"type\": \"ContentItem/Page\" }"))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), ImportSupport.Text(await saved.Content.ReadAsStringAsync()));
        }
        var form = await Admin.HtmlAsync("/admin/queries/edit?query=RecentThings");
        Assert.That(form, Does.Contain("value=\"RecentThings\""));
        Assert.That(form, Does.Contain("<option value=\"Search\" selected=\"selected\">"));

        using (var renamed = await SaveAsync("RecentThings", "LatestThings", "Lucene", "{ \"query\": { \"match_all\": {} } }", index: "Search", items: false))
        {
            Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), ImportSupport.Text(await renamed.Content.ReadAsStringAsync()));
        }
        Assert.That(await StoredAsync("RecentThings"), Is.Null);
        var stored = (await StoredAsync("LatestThings"))!.Json;
        Assert.That(stored, Does.Contain("\"ReturnContentItems\":false"));
        Assert.That(stored, Does.Contain("\"LuceneQueryMetadata\""), "kept in Orchard's both shapes");
        Assert.That(stored, Does.Not.Contain("\"Schema\":\"{"), "an emptied schema is removed");
    }

    [Test]
    public async Task Mistakes_are_form_errors_naming_the_field_and_nothing_is_saved()
    {
        using (var response = await SaveAsync(null, "Bad name", "Lucene", "{ \"query\": ", index: "Nowhere", schema: "{ nope"))
        {
            var text = ImportSupport.Text(await response.Content.ReadAsStringAsync());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text, Does.Contain("The name must start with a letter"));
            Assert.That(text, Does.Contain("There is no index named 'Nowhere'"));
            Assert.That(text, Does.Contain("The query is not valid JSON: line 1"));
            Assert.That(text, Does.Contain("The schema is not valid JSON"));
        }
        using (var taken = await SaveAsync(null, "Taken", "Sql", "SELECT * FROM ContentItemIndex"))
        {
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
        using (var again = await SaveAsync(null, "taken", "Sql", "SELECT * FROM ContentItemIndex"))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(ImportSupport.Text(await again.Content.ReadAsStringAsync()), Does.Contain("There is already a query named 'Taken'."));
        }
        Assert.That(await StoredAsync("Bad name"), Is.Null);
    }

    [Test]
    public async Task Running_with_bad_parameters_or_a_bad_DSL_shows_the_problem_on_the_form()
    {
        using (var saved = await SaveAsync(null, "BrokenDsl", "Lucene", "{ \"query\": { \"frobnicate\": {} } }", index: "Search"))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), ImportSupport.Text(await saved.Content.ReadAsStringAsync()));
        }

        using var badJson = await Admin.GetAsync("/admin/queries/run?query=BrokenDsl&parameters=%7B+nope&run=1");
        Assert.That(badJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ImportSupport.Text(await badJson.Content.ReadAsStringAsync()), Does.Contain("The parameters are not valid JSON (line 1"));

        using var badDsl = await Admin.GetAsync("/admin/queries/run?query=BrokenDsl&parameters=&run=1");
        var text = ImportSupport.Text(await badDsl.Content.ReadAsStringAsync());
        Assert.That(badDsl.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(text, Does.Contain("The query could not run: query"));
        Assert.That(text, Does.Contain("frobnicate"));
    }

    [Test]
    public async Task Only_holders_of_ManageQueries_may_open_the_query_pages_and_SQL_needs_ManageSqlQueries()
    {
        using var author = Site.NewClient();
        await author.SignInAsync("author", Password);
        foreach (var page in new[] { "/admin/queries", "/admin/queries/edit", "/admin/queries/run?query=x", "/admin/queries/delete?query=x" })
        {
            Assert.That((await author.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), page);
        }
        Assert.That((await Admin.GetAsync("/admin/queries/run?query=NoSuchQuery")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);
        using var sql = await editor.PostFormAsync("/admin/queries/edit", [new("Name", "EditorsSql"), new("Source", "Sql"), new("Template", "SELECT * FROM ContentItemIndex")]);
        Assert.That(sql.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ImportSupport.Text(await sql.Content.ReadAsStringAsync()), Does.Contain("You may not manage SQL queries"));
    }
}
