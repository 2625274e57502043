using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Problems;

/// <summary>What escapes an endpoint is answered with a ProblemDetails body: 503 for a busy or broken store, 500 for the rest.</summary>
public sealed class ProblemDetailsTests
{
    private static string Article(string id) =>
        $$"""{ "ContentItemId": "{{id}}", "ContentType": "Article", "TitlePart": { "Title": "{{id}}" }, "Article": { "Summary": { "Text": "s" } } }""";

    /// <summary>A bug in a part handler, carrying something no client should read.</summary>
    private sealed class ExplodingHandler : IContentPartHandler
    {
        public Task SavingAsync(ContentSaveContext context) =>
            context.Item.ContentItemId == "explode" ? throw new InvalidOperationException("internal detail: /srv/secret/path") : Task.CompletedTask;
    }

    [Test]
    public async Task An_unexpected_exception_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var store = TestSite.Create();
        await using var site = await store.StartAsync(s => s.AddScoped<IContentPartHandler, ExplodingHandler>(), [TestSite.SetupRecipe(Recipe), .. SiteSettings]);
        await site.SetupCompletion;
        var token = await TokenAsync(site.Http, "editor-site", "editor-secret-0123456789");

        var response = await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("explode"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Contain("\"traceId\"").And.Contain("An unexpected error occurred."));
        Assert.That(body, Does.Not.Contain("secret"), "outside Development the exception stays in the log");
    }

    [Test]
    public async Task A_write_that_meets_a_busy_store_waits_the_configured_time_then_gets_503_with_retry_after()
    {
        await using var store = TestSite.Create();
        await using var site = await store.StartAsync([TestSite.SetupRecipe(Recipe), .. SiteSettings, "--OneDigital:Database:BusyTimeoutSeconds=1"]);
        await site.SetupCompletion;
        var token = await TokenAsync(site.Http, "editor-site", "editor-secret-0123456789");

        // Another writer (a long CLI import) holds SQLite's write lock.
        await using (var importer = new SqliteConnection($"Data Source={Path.Combine(store.DataDir, "onedigital.db")};Pooling=False"))
        {
            await importer.OpenAsync();
            await using (var begin = importer.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }
            var clock = Stopwatch.StartNew();
            var busy = await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("busy"));
            clock.Stop();
            var health = await site.Http.GetAsync("/health");

            Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(busy.Headers.RetryAfter, Is.Not.Null);
            Assert.That((string?)(await JsonAsync(busy))["detail"], Does.Contain("busy").And.Contain("OneDigital:Database:BusyTimeoutSeconds"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "bounded by the configured wait, not SQLite's 30 s");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a busy store is degraded, not down");
            Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("degraded"));
        }

        var after = await SendAsync(site.Http, HttpMethod.Post, "/api/content", token, Article("busy"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same write goes through once the other writer is done");
    }
}
