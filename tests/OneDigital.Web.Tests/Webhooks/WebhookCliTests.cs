using System.Text.Json.Nodes;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Webhooks;

/// <summary><c>webhooks add|list|remove|log</c> on the command line, and endpoints in the export.</summary>
public sealed class WebhookCliTests
{
    [Test]
    public async Task Add_list_and_remove_manage_endpoints_and_list_never_prints_secrets()
    {
        await using var store = TestSite.Create();
        var add = await store.RunAsync("webhooks", "add", "--name", "partner", "--url", "https://partner.example/hooks", "--secret", "top-secret",
            "--events", "published,removed", "--types", "Page,Event", TestSite.SetupRecipe("site.recipe.json"));
        Assert.That(add.ExitCode, Is.EqualTo(0), add.ToString());
        Assert.That(add.Out, Does.Contain("Added the webhook 'partner': published, removed of Page, Event to https://partner.example/hooks"));
        Assert.That((await store.RunAsync("webhooks", "add", "--name=builds", "--url=http://127.0.0.1:9000/", "--secret=s")).ExitCode, Is.EqualTo(0));
        var replace = await store.RunAsync("webhooks", "add", "--name", "builds", "--url", "http://127.0.0.1:9001/", "--secret", "s");
        Assert.That(replace.Out, Does.Contain("Replaced the webhook 'builds': published, unpublished, removed of every type"));

        var list = await store.RunAsync("webhooks", "list");

        Assert.That(list.ExitCode, Is.EqualTo(0), list.ToString());
        Assert.That(list.Out.Trim().Split('\n'), Is.EqualTo(new[]
        {
            "builds\tenabled\thttp://127.0.0.1:9001/\tpublished, unpublished, removed of every type",
            "partner\tenabled\thttps://partner.example/hooks\tpublished, removed of Page, Event",
        }));
        Assert.That(list.Out, Does.Not.Contain("top-secret"));

        var remove = await store.RunAsync("webhooks", "remove", "--name", "builds");
        Assert.That(remove.ExitCode, Is.EqualTo(0), remove.ToString());
        Assert.That((await store.RunAsync("webhooks", "list")).Out, Does.Not.Contain("builds"));
        var again = await store.RunAsync("webhooks", "remove", "--name", "builds");
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("No webhook is named 'builds'"));
    }

    [TestCase("--url", "partner.example/hooks", "is not an absolute http or https URL")]
    [TestCase("--url", "file:///etc/passwd", "is not an absolute http or https URL")]
    [TestCase("--events", "published,edited", "'edited' is not an event")]
    public async Task A_wrong_value_exits_1_with_a_clear_message_and_registers_nothing(string option, string value, string message)
    {
        await using var store = TestSite.Create();
        var values = new Dictionary<string, string> { ["--name"] = "x", ["--url"] = "https://ok.example/", ["--secret"] = "s", [option] = value };

        var result = await store.RunAsync(["webhooks", "add", .. values.SelectMany(v => new[] { v.Key, v.Value }), TestSite.SetupRecipe("site.recipe.json")]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain(message));
        Assert.That((await store.RunAsync("webhooks", "list")).Out, Does.Contain("No webhooks are registered."));
    }

    [TestCase("webhooks")]
    [TestCase("webhooks", "frobnicate")]
    [TestCase("webhooks", "add", "--name", "x", "--url", "https://ok.example/")]
    [TestCase("webhooks", "remove")]
    [TestCase("webhooks", "add", "--name")]
    public async Task A_missing_action_or_option_prints_the_usage_and_exits_1(params string[] args)
    {
        var console = new CapturedConsole();

        var exitCode = await OneDigitalHost.RunAsync(args, console.Host);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(console.Error, Does.Contain("webhooks add --name N --url U --secret S"));
    }

    [Test]
    public async Task Log_shows_the_latest_attempts_of_one_endpoint_or_all()
    {
        var partnerCalls = 0;
        await using var receiver = await LoopbackReceiver.StartAsync((request, _) =>
            Task.FromResult(request.Path == "/hooks" && Interlocked.Increment(ref partnerCalls) == 1 ? 500 : 200));
        await using var store = TestSite.Create();
        await WebhookDispatchTests.AddWebhookAsync(store, "partner", receiver.Url(), "s");
        await WebhookDispatchTests.AddWebhookAsync(store, "other", receiver.Url("other"), "t");
        Assert.That((await store.RunAsync("webhooks", "log")).Out, Does.Contain("No delivery attempts yet."));
        await using (var site = await store.StartAsync("--OneDigital:Webhooks:PollInterval=00:00:00.050", "--OneDigital:Webhooks:RetryBase=00:00:00.010"))
        {
            await site.SetupCompletion;
            await WebhookDispatchTests.PublishPageAsync(site, "Logged");
            await Eventually.WaitAsync(() => receiver.Requests.Count == 3, "two deliveries, one of them retried");
            // The last request was answered; its attempt row follows a moment later.
            await Eventually.WaitAsync(async () => (await store.RunAsync("webhooks", "log")).Out, o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 3, "three attempts logged");
        }

        var all = await store.RunAsync("webhooks", "log");
        var partner = await store.RunAsync("webhooks", "log", "--name", "partner");

        Assert.That(all.ExitCode, Is.EqualTo(0), all.ToString());
        var lines = partner.Out.Trim().Split('\n');
        Assert.That(all.Out.Trim().Split('\n'), Has.Length.EqualTo(3));
        Assert.That(lines, Has.All.Contains("\tpartner\tpublished\t"));
        Assert.That(lines.Select(l => l.Split('\t')[4]).Order(), Is.EqualTo(new[] { "attempt 1", "attempt 2" }));
        Assert.That(string.Join('\n', lines), Does.Contain("\t500\t").And.Contain("\t200\t").And.Contain("HTTP 500"));
    }

    [Test]
    public async Task The_export_carries_the_endpoints_as_a_Webhooks_step()
    {
        await using var store = TestSite.Create();
        await WebhookDispatchTests.AddWebhookAsync(store, "partner", "https://partner.example/hooks", "top-secret");

        var export = await store.RunAsync("export");

        Assert.That(export.ExitCode, Is.EqualTo(0), export.ToString());
        var step = JsonNode.Parse(export.Out)!["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Webhooks")!;
        Assert.That(step["Webhooks"]![0]!["Url"]!.GetValue<string>(), Is.EqualTo("https://partner.example/hooks"));
        Assert.That(step["Webhooks"]![0]!["Secret"]!.GetValue<string>(), Is.EqualTo("top-secret"));
    }
}
