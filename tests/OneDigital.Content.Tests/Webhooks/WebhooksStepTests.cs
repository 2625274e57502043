using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Export;
using OneDigital.Content.Webhooks;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Webhooks;

/// <summary>The Webhooks recipe step registers endpoints, names the JSON path of anything wrong, and exports back.</summary>
public class WebhooksStepTests
{
    [Test]
    public async Task The_step_registers_endpoints_with_defaults_and_a_second_import_replaces_them_by_name()
    {
        await using var store = await WebhookTestSite.CreateAsync("""
            [ { "Name": "partner", "Url": "https://partner.example/hooks", "Secret": "s1" },
              { "Name": "builds", "Url": "http://127.0.0.1:9000/build", "Secret": "s2", "Events": ["published", "removed"], "ContentTypes": ["BlogPost", "Event"], "Enabled": false } ]
            """);
        await store.ImportAsync("""{ "name": "again", "steps": [ { "name": "Webhooks", "Webhooks": [ { "Name": "partner", "Url": "https://partner.example/v2", "Secret": "s3", "Events": ["unpublished"] } ] } ] }""");

        await using var scope = store.Scope();
        var endpoints = await scope.ServiceProvider.GetRequiredService<WebhookEndpoints>().ListAsync();

        Assert.That(endpoints.Select(e => $"{e.Name}|{e.Url}|{e.Secret}|{e.Events}|{e.ContentTypes}|{e.Enabled}"), Is.EqualTo(new[]
        {
            "builds|http://127.0.0.1:9000/build|s2|Published, Removed|BlogPost,Event|False",
            "partner|https://partner.example/v2|s3|Unpublished||True",
        }));
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        yield return Case("""{ "Name": "x", "Url": "ftp://partner.example/", "Secret": "s" }""", "steps[0].Webhooks[0].Url", "absolute http or https").SetName("an ftp URL");
        yield return Case("""{ "Name": "x", "Url": "/relative/hook", "Secret": "s" }""", "steps[0].Webhooks[0].Url", "absolute http or https").SetName("a relative URL");
        yield return Case("""{ "Name": "x", "Url": "https://p.example/" }""", "steps[0].Webhooks[0].Secret", "secret").SetName("no secret");
        yield return Case("""{ "Url": "https://p.example/", "Secret": "s" }""", "steps[0].Webhooks[0].Name", "name").SetName("no name");
        yield return Case("""{ "Name": "x", "Url": "https://p.example/", "Secret": "s", "Events": ["published", "edited"] }""", "steps[0].Webhooks[0].Events[1]", "'edited' is not an event").SetName("an unknown event");
        yield return Case("""{ "Name": "x", "Url": "https://p.example/", "Secret": "s", "Events": [] }""", "steps[0].Webhooks[0].Events", "at least one").SetName("no events");
        yield return Case("""{ "Name": "x", "Url": "https://p.example/", "Secret": "s", "Enabled": "yes" }""", "steps[0].Webhooks[0].Enabled", "true or false").SetName("Enabled not a boolean");
        yield return Case("""{ "Name": "x", "Url": 42, "Secret": "s" }""", "steps[0].Webhooks[0].Url", "must be a string").SetName("a number for the URL");
        yield return Case("""{ "Name": "x", "Url": "https://p.example/", "Secret": "s" }, { "Name": "x", "Url": "https://q.example/", "Secret": "t" }""", "steps[0].Webhooks[1].Name", "appears twice").SetName("a name twice");
        yield return Case("\"just a string\"", "steps[0].Webhooks[0]", "must be an object").SetName("not an object");
    }

    private static TestCaseData Case(string webhook, string path, string message) => new(webhook, path, message);

    [TestCaseSource(nameof(Mistakes))]
    public async Task A_wrong_webhook_fails_the_step_naming_its_json_path_and_registers_nothing(string webhook, string path, string message)
    {
        await using var store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: s => s.AddWebhookStore());

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(
            $$"""{ "name": "bad", "steps": [ { "name": "Webhooks", "Webhooks": [ {{webhook}} ] } ] }"""));

        Assert.That(error!.JsonPath, Is.EqualTo(path));
        Assert.That(error.StepName, Is.EqualTo("Webhooks"));
        Assert.That(error.Reason, Does.Contain(message).IgnoreCase);
        await using var scope = store.Scope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<WebhookEndpoints>().ListAsync(), Is.Empty);
    }

    [Test]
    public async Task A_failing_later_step_rolls_back_the_endpoints_the_step_registered()
    {
        await using var store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: s => s.AddWebhookStore());

        Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync("""
            { "name": "bad", "steps": [
              { "name": "Webhooks", "Webhooks": [ { "Name": "first", "Url": "https://ok.example/", "Secret": "s" } ] },
              { "name": "Webhooks", "Webhooks": [ { "Name": "second", "Url": "nope", "Secret": "s" } ] } ] }
            """));

        await using var scope = store.Scope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<WebhookEndpoints>().ListAsync(), Is.Empty);
    }

    [Test]
    public async Task The_export_holds_the_endpoints_with_their_secrets_and_imports_back_unchanged()
    {
        await using var store = await WebhookTestSite.CreateAsync("""
            [ { "Name": "partner", "Url": "https://partner.example/hooks", "Secret": "s1" },
              { "Name": "builds", "Url": "http://127.0.0.1:9000/build", "Secret": "s2", "Events": ["removed"], "ContentTypes": ["Event"], "Enabled": false } ]
            """);
        var export = await ExportAsync(store);

        var step = JsonNode.Parse(export)!["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Webhooks")!;
        Assert.That(step["Webhooks"]!.ToJsonString(), Is.EqualTo(
            """[{"Name":"builds","Url":"http://127.0.0.1:9000/build","Secret":"s2","Events":["removed"],"ContentTypes":["Event"],"Enabled":false},"""
            + """{"Name":"partner","Url":"https://partner.example/hooks","Secret":"s1","Events":["published","unpublished","removed"],"ContentTypes":[],"Enabled":true}]"""));

        await using var copy = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: s => s.AddWebhookStore());
        await copy.ImportAsync(export);
        Assert.That(await ExportAsync(copy), Is.EqualTo(export));
    }

    private static async Task<string> ExportAsync(TestStore store)
    {
        await using var scope = store.Scope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<RecipeExporter>().WriteAsync(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
