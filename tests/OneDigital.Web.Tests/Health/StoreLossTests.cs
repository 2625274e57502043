using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Health;

/// <summary>
/// A store that vanishes or breaks under a running site: writes are refused with a 503 that says why, never
/// acknowledged into a deleted file; <c>/health</c> names the failing check; a restart reports the loss.
/// </summary>
public sealed class StoreLossTests
{
    private static string Article(string id) =>
        $$"""{ "ContentItemId": "{{id}}", "ContentType": "Article", "TitlePart": { "Title": "{{id}}" }, "Article": { "Summary": { "Text": "s" } } }""";

    private static async Task<(RunningSite Site, string Token)> StartAsync(TestSite store)
    {
        var site = await store.StartAsync([TestSite.SetupRecipe(Recipe), .. SiteSettings]);
        await site.SetupCompletion;
        return (site, await TokenAsync(site.Http, "editor-site", "editor-secret-0123456789"));
    }

    private static async Task<JsonObject> HealthAsync(RunningSite site, HttpStatusCode expected)
    {
        var response = await site.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonNode Check(JsonObject health, string name) =>
        health["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    [Test]
    public async Task A_deleted_database_refuses_writes_with_503_turns_health_unhealthy_and_a_restart_reports_it()
    {
        await using var store = TestSite.Create();
        var (site, token) = await StartAsync(store);
        try
        {
            Assert.That((await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("before"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Deleted as an operator would: the site's pooled connections keep the deleted file open.
            foreach (var file in Directory.GetFiles(store.DataDir, "onedigital.db*"))
            {
                File.Delete(file);
            }
            var write = await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("after"));
            var health = await HealthAsync(site, HttpStatusCode.ServiceUnavailable);

            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not acknowledged into a deleted file");
            Assert.That(write.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)(await JsonAsync(write))["detail"], Does.Contain("vanished"));
            Assert.That((string?)health["status"], Is.EqualTo("unhealthy"));
            Assert.That((string?)Check(health, "store-identity")["status"], Is.EqualTo("unhealthy"));
            Assert.That((string?)Check(health, "store-identity")["description"], Does.Contain("vanished"));
        }
        finally
        {
            await site.DisposeAsync();
        }

        var restart = await store.RunAsync("--urls=http://127.0.0.1:0");
        Assert.That(restart.ExitCode, Is.EqualTo(1), restart.ToString());
        Assert.That(restart.Error, Does.Contain("is missing").And.Contain("found gone"), restart.ToString());
        Assert.That(File.Exists(Path.Combine(store.DataDir, "onedigital.db")), Is.False, "no new site was set up");
    }

    [Test]
    public async Task A_damaged_database_file_turns_health_unhealthy_and_writes_get_503_with_a_message()
    {
        await using var store = TestSite.Create();
        var (site, token) = await StartAsync(store);
        await using (site)
        {
            SqliteConnection.ClearAllPools();
            var database = Path.Combine(store.DataDir, "onedigital.db");
            await using (var file = new FileStream(database, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(new string('x', 100)));
            }
            SqliteConnection.ClearAllPools();

            var health = await HealthAsync(site, HttpStatusCode.ServiceUnavailable);
            var write = await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("after"));

            Assert.That((string?)Check(health, "store-read")["description"], Does.Contain("damaged"), health.ToJsonString());
            Assert.That((string?)Check(health, "store-write")["status"], Is.EqualTo("unhealthy"), health.ToJsonString());
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((string?)(await JsonAsync(write))["detail"], Does.Contain("damaged"));
        }
    }
}
