using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Webhooks;

/// <summary>The site sends deliveries in the background: signed, retried with backoff, logged, and never in publishing's way.</summary>
public sealed class WebhookDispatchTests
{
    // Tiny intervals so retries come due at once; nothing below depends on how fast anything runs.
    private static readonly string[] Quick =
    [
        "--OneDigital:Webhooks:PollInterval=00:00:00.050",
        "--OneDigital:Webhooks:RetryBase=00:00:00.010",
    ];

    [Test]
    public async Task A_failing_receiver_gets_the_same_signed_delivery_again_after_growing_waits_until_it_accepts()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(n => n <= 2 ? 500 : 204);
        await using var store = TestSite.Create();
        await AddWebhookAsync(store, "partner", receiver.Url(), "partner-secret");
        await using var site = await StartAsync(store);

        var page = await PublishPageAsync(site, "Retried");
        var delivery = await Eventually.WaitAsync(() => DeliveryAsync(site, page), d => d?.Status == WebhookDeliveryStatus.Delivered, "the delivery to succeed");
        var attempts = await AttemptsAsync(site);

        Assert.That(receiver.Requests, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(delivery!.Attempts, Is.EqualTo(3));
            Assert.That(attempts.Select(a => (a.Number, a.StatusCode, a.Succeeded)), Is.EqualTo(new[] { (1, (int?)500, false), (2, 500, false), (3, 204, true) }));
            Assert.That(attempts.Take(2).Select(a => a.Error), Is.All.Contains("HTTP 500"));
            // Each retry waits at least RetryBase × 4^(failures - 1) after the failure was recorded: 10 ms, then 40 ms.
            Assert.That(attempts[1].StartedUtc - attempts[0].StartedUtc, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(10)));
            Assert.That(attempts[2].StartedUtc - attempts[1].StartedUtc, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(40)));
            Assert.That(receiver.Requests.Select(r => r.Header("X-OneDigital-Delivery")).Distinct(), Is.EqualTo(new[] { delivery.Id }), "one delivery id across retries");
            Assert.That(receiver.Requests.Select(r => r.Text).Distinct(), Is.EqualTo(new[] { delivery.Payload }), "the same body each time");
            Assert.That(receiver.Requests.All(r => r.IsSignedWith("partner-secret")), Is.True, "every attempt is signed");
            Assert.That(receiver.Requests.Any(r => r.IsSignedWith("another-secret")), Is.False);
        });
        var request = receiver.Requests[^1];
        var payload = JsonNode.Parse(request.Text)!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Header("X-OneDigital-Event"), Is.EqualTo("published"));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(long.Parse(request.Header("X-OneDigital-Timestamp")), Is.GreaterThan(1_700_000_000));
            Assert.That(payload["event"]!.GetValue<string>(), Is.EqualTo("published"));
            Assert.That(payload["contentItemId"]!.GetValue<string>(), Is.EqualTo(page.ContentItemId));
            Assert.That(payload["contentType"]!.GetValue<string>(), Is.EqualTo("Page"));
            Assert.That(payload["displayText"]!.GetValue<string>(), Is.EqualTo("Retried"));
        });
    }

    [Test]
    public async Task A_delivery_that_keeps_failing_is_marked_failed_after_MaxAttempts_and_a_timeout_is_logged_without_a_status()
    {
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await LoopbackReceiver.StartAsync((_, n) => n == 1 ? never.Task : Task.FromResult(503));
        await using var store = TestSite.Create();
        await AddWebhookAsync(store, "flaky", receiver.Url(), "s");
        await using var site = await StartAsync(store, "--OneDigital:Webhooks:MaxAttempts=3", "--OneDigital:Webhooks:Timeout=00:00:00.300");

        var page = await PublishPageAsync(site, "Doomed");
        var delivery = await Eventually.WaitAsync(() => DeliveryAsync(site, page), d => d?.Status == WebhookDeliveryStatus.Failed, "the delivery to fail");
        never.SetResult(200);
        var attempts = await AttemptsAsync(site);

        Assert.Multiple(() =>
        {
            Assert.That(delivery!.Attempts, Is.EqualTo(3));
            Assert.That(delivery.CompletedUtc, Is.Not.Null);
            Assert.That(attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { null, 503, 503 }));
            Assert.That(attempts[0].Error, Does.StartWith("no answer within"));
            Assert.That(attempts.Select(a => a.Succeeded), Is.All.False);
        });
    }

    [Test]
    public async Task A_receiver_that_never_answers_delays_neither_publishing_nor_other_endpoints()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stuck = await LoopbackReceiver.StartAsync((_, _) => release.Task);
        await using var healthy = await LoopbackReceiver.StartAsync(_ => 200);
        await using var store = TestSite.Create();
        await AddWebhookAsync(store, "stuck", stuck.Url(), "s1");
        await AddWebhookAsync(store, "healthy", healthy.Url(), "s2");
        await using var site = await StartAsync(store, "--OneDigital:Webhooks:Timeout=00:10:00");
        try
        {
            await PublishPageAsync(site, "First");
            await Eventually.WaitAsync(() => stuck.Requests.Count == 1, "the stuck receiver to be holding the first delivery");

            // Publishing returns while the stuck receiver still holds its request open...
            var second = await PublishPageAsync(site, "Second");
            Assert.That(release.Task.IsCompleted, Is.False);

            // ...and the healthy endpoint gets both deliveries meanwhile.
            await Eventually.WaitAsync(() => healthy.Requests.Count == 2, "the healthy receiver to get both deliveries");
            Assert.That(release.Task.IsCompleted, Is.False, "the stuck receiver never answered");
            Assert.That(healthy.Requests.Select(r => JsonNode.Parse(r.Text)!["displayText"]!.GetValue<string>()), Is.EquivalentTo(new[] { "First", "Second" }));
            Assert.That(healthy.Requests.All(r => r.IsSignedWith("s2")), Is.True);
            Assert.That((await DeliveryAsync(site, second, "healthy"))!.Status, Is.EqualTo(WebhookDeliveryStatus.Delivered));
        }
        finally
        {
            release.SetResult(200);
        }
    }

    [Test]
    public async Task Two_sites_sharing_a_store_send_each_delivery_once() => await SendEachDeliveryOnceAsync(TestSite.Create());

    [Test]
    public async Task Two_sites_sharing_a_PostgreSQL_store_send_each_delivery_once()
    {
        await SendEachDeliveryOnceAsync(TestSite.CreatePostgres());
    }

    private static async Task SendEachDeliveryOnceAsync(TestSite created)
    {
        await using var store = created;
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        await AddWebhookAsync(store, "partner", receiver.Url(), "s");
        await using var first = await StartAsync(store);
        await using var second = await StartAsync(store);

        var pages = new List<ContentItem>();
        for (var i = 0; i < 20; i++)
        {
            pages.Add(await PublishPageAsync(i % 2 == 0 ? first : second, $"Page {i}"));
        }
        await Eventually.WaitAsync(() => CountAsync(first, WebhookDeliveryStatus.Delivered), n => n == 20, "every delivery to be delivered");

        var ids = receiver.Requests.Select(r => r.Header("X-OneDigital-Delivery")).ToList();
        Assert.That(ids, Has.Count.EqualTo(20));
        Assert.That(ids, Is.Unique);
        Assert.That(await AttemptsAsync(first), Has.Count.EqualTo(20));
    }

    internal static async Task AddWebhookAsync(TestSite store, string name, string url, string secret)
    {
        var result = await store.RunAsync("webhooks", "add", "--name", name, "--url", url, "--secret", secret, TestSite.SetupRecipe("site.recipe.json"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    private static async Task<RunningSite> StartAsync(TestSite store, params string[] settings)
    {
        var site = await store.StartAsync([.. Quick, .. settings, TestSite.SetupRecipe("site.recipe.json")]);
        await site.SetupCompletion;
        return site;
    }

    internal static async Task<ContentItem> PublishPageAsync(RunningSite site, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var page = await manager.NewAsync("Page");
        page.GetOrCreatePart("TitlePart")["Title"] = title;
        await manager.CreateAsync(page, publish: true);
        return page;
    }

    private static async Task<WebhookDelivery?> DeliveryAsync(RunningSite site, ContentItem item, string? endpoint = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.ContentItemId == item.ContentItemId && (endpoint == null || d.Endpoint!.Name == endpoint))
            .SingleOrDefaultAsync();
    }

    private static async Task<int> CountAsync(RunningSite site, WebhookDeliveryStatus status)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WebhookDelivery>().CountAsync(d => d.Status == status);
    }

    private static async Task<List<WebhookDeliveryAttempt>> AttemptsAsync(RunningSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WebhookDeliveryAttempt>().AsNoTracking()
            .OrderBy(a => a.StartedUtc).ThenBy(a => a.Id).ToListAsync();
    }
}
