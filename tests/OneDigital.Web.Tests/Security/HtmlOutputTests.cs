using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Security;

// A writer's <script> or onerror must never reach a partner's page: not through REST, not through GraphQL html, and
// not from an item stored before sanitizing on save existed. Over real HTTP, as a partner calls.

public sealed class HtmlOutputTests
{
    private const string WriterSecret = "writer-secret-long-enough-2026";
    private const string Hostile = """<p class="intro">Hi<img src="a.png" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a></p>""";

    private TestSite _store = null!;
    private RunningSite _site = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestSite.SetupRecipe("html.recipe.json"), "--OneDigital:OpenId:RequireHttps=false", $"--Partners:WriterSecret={WriterSecret}");
        await _site.SetupCompletion;
        _token = await TokenAsync(_site.Http, "writer-site", WriterSecret);
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static string JsonString(string s) => JsonValue.Create(s)!.ToJsonString();

    private async Task CreateAsync(string type, string id, string html)
    {
        var aside = type == "Page" ? $$""", "Page": { "Aside": { "Html": {{JsonString(html)}} } }""" : "";
        var json = $$"""{ "ContentItemId": "{{id}}", "ContentType": "{{type}}", "TitlePart": { "Title": "{{id}}" }, "HtmlBodyPart": { "Html": {{JsonString(html)}} }{{aside}} }""";
        var response = await SendAsync(_site.Http, HttpMethod.Post, "/api/content?draft=false", _token, json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> GraphQLAsync(string query)
    {
        var response = await SendAsync(_site.Http, HttpMethod.Post, "/api/graphql", _token, new JsonObject { ["query"] = query }.ToJsonString());
        var body = await JsonAsync(response);
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        return body;
    }

    private static void AssertSafe(string? html)
    {
        Assert.That(html, Is.Not.Null.And.Contains("Hi"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("onerror").And.Not.Contain("javascript:"));
    }

    [Test]
    public async Task Html_written_through_the_Contents_API_comes_back_sanitized_from_REST_and_GraphQL()
    {
        await CreateAsync("Page", "page1", Hostile);

        var rest = await JsonAsync(await SendAsync(_site.Http, HttpMethod.Get, "/api/content/page1", _token));
        var graph = await GraphQLAsync("""{ page(where: { contentItemId: "page1" }) { htmlBodyPart { html } aside { html } } }""");

        AssertSafe((string?)rest["HtmlBodyPart"]?["Html"]);
        AssertSafe((string?)rest["Page"]?["Aside"]?["Html"]);
        AssertSafe((string?)graph["data"]?["page"]?[0]?["htmlBodyPart"]?["html"]);
        AssertSafe((string?)graph["data"]?["page"]?[0]?["aside"]?["html"]);
        Assert.That((string?)graph["data"]?["page"]?[0]?["htmlBodyPart"]?["html"], Does.Contain("""<p class="intro">"""), "Orchard keeps classes");
    }

    [Test]
    public async Task Html_stored_unsanitized_before_is_sanitized_on_its_way_out_of_GraphQL_and_REST()
    {
        await CreateAsync("Page", "legacy1", "<p>Hi</p>");
        // As an older version of the site, or another tool, left it in the store.
        await _store.WithStoreAsync(async s =>
        {
            var db = s.GetRequiredService<ContentDbContext>();
            foreach (var row in await db.ContentItems.Where(r => r.ContentItemId == "legacy1").ToListAsync())
            {
                var document = JsonNode.Parse(row.Document)!.AsObject();
                document["HtmlBodyPart"]!["Html"] = Hostile;
                document["Page"]!["Aside"]!["Html"] = Hostile;
                row.Document = document.ToJsonString();
            }
            return await db.SaveChangesAsync();
        });

        var graph = await GraphQLAsync("""{ page(where: { contentItemId: "legacy1" }) { htmlBodyPart { html } aside { html } } }""");
        var rest = await JsonAsync(await SendAsync(_site.Http, HttpMethod.Get, "/api/content/legacy1", _token));

        AssertSafe((string?)graph["data"]?["page"]?[0]?["htmlBodyPart"]?["html"]);
        AssertSafe((string?)graph["data"]?["page"]?[0]?["aside"]?["html"]);
        AssertSafe((string?)rest["HtmlBodyPart"]?["Html"]);
        AssertSafe((string?)rest["Page"]?["Aside"]?["Html"]);
    }

    [Test]
    public async Task A_type_with_SanitizeHtml_off_serves_its_HTML_as_written()
    {
        const string embed = """<div class="player"><script src="https://player.example/embed.js"></script></div>""";
        await CreateAsync("Embed", "embed1", embed);

        var graph = await GraphQLAsync("""{ embed(where: { contentItemId: "embed1" }) { htmlBodyPart { html } } }""");

        Assert.That((string?)graph["data"]?["embed"]?[0]?["htmlBodyPart"]?["html"], Is.EqualTo(embed));
    }
}
