using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Webhooks;

/// <summary>Content changes write their deliveries in their own transaction: nothing is sent for a change that did not happen.</summary>
public class WebhookOutboxTests
{
    private const string TwoEndpoints = """
        [ { "Name": "everything", "Url": "https://partner.example/hooks", "Secret": "s1" },
          { "Name": "posts-published", "Url": "http://static.example/build", "Secret": "s2", "Events": ["published"], "ContentTypes": ["BlogPost"] },
          { "Name": "switched-off", "Url": "http://off.example/", "Secret": "s3", "Enabled": false } ]
        """;

    [Test]
    public async Task Publishing_writes_one_delivery_per_interested_endpoint_with_the_documented_payload()
    {
        await using var store = await WebhookTestSite.CreateAsync(TwoEndpoints);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var post = await WebhookTestSite.NewPostAsync(manager, "Hello", "blog/hello");
        await manager.CreateAsync(post, publish: true);

        var deliveries = await DeliveriesAsync(scope);

        Assert.That(deliveries.Select(d => d.Endpoint!.Name), Is.EquivalentTo(new[] { "everything", "posts-published" }));
        Assert.That(deliveries.Select(d => d.Status), Is.All.EqualTo(WebhookDeliveryStatus.Pending));
        var payload = JsonNode.Parse(deliveries[0].Payload)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(payload.Select(p => p.Key), Is.EqualTo(new[] { "event", "contentItemId", "contentItemVersionId", "contentType", "path", "displayText", "occurredUtc" }));
            Assert.That(payload["event"]!.GetValue<string>(), Is.EqualTo("published"));
            Assert.That(payload["contentItemId"]!.GetValue<string>(), Is.EqualTo(post.ContentItemId));
            Assert.That(payload["contentItemVersionId"]!.GetValue<string>(), Is.EqualTo(post.ContentItemVersionId));
            Assert.That(payload["contentType"]!.GetValue<string>(), Is.EqualTo("BlogPost"));
            Assert.That(payload["path"]!.GetValue<string>(), Is.EqualTo("blog/hello"));
            Assert.That(payload["displayText"]!.GetValue<string>(), Is.EqualTo("Hello"));
            Assert.That(payload["occurredUtc"]!.GetValue<DateTime>(), Is.EqualTo(deliveries[0].CreatedUtc));
            Assert.That(deliveries[1].Payload, Is.EqualTo(deliveries[0].Payload), "every endpoint gets the same body");
        });
    }

    [Test]
    public async Task Endpoints_hear_only_the_events_and_types_they_subscribed_to()
    {
        await using var store = await WebhookTestSite.CreateAsync(TwoEndpoints);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var post = await WebhookTestSite.NewPostAsync(manager, "Post", "blog/post");
        var meetup = await WebhookTestSite.NewPostAsync(manager, "Meetup", "", type: "Event");
        await manager.CreateAsync(post, publish: true);
        await manager.CreateAsync(meetup, publish: true);
        await manager.UnpublishAsync(post);
        await manager.RemoveAsync(post);

        var sent = (await DeliveriesAsync(scope)).Select(d => $"{d.Endpoint!.Name}:{d.Event}:{JsonNode.Parse(d.Payload)!["displayText"]}").ToList();

        Assert.That(sent, Is.EquivalentTo(new[]
        {
            "everything:published:Post", "posts-published:published:Post",
            "everything:published:Meetup",
            "everything:unpublished:Post",
            "everything:removed:Post",
        }));
        Assert.That(JsonNode.Parse((await DeliveriesAsync(scope)).First(d => d.ContentItemId == meetup.ContentItemId).Payload)!["path"], Is.Null,
            "an item without a route has a null path");
    }

    [Test]
    public async Task The_delivery_is_written_in_the_change_s_transaction_and_gone_when_it_rolls_back()
    {
        await using var store = await WebhookTestSite.CreateAsync(TwoEndpoints);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var signal = store.Services.GetRequiredService<WebhookCommitSignal>();
        await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None); // a wake left by the setup import

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var post = await WebhookTestSite.NewPostAsync(manager, "Never published", "blog/never");
            await manager.CreateAsync(post, publish: true);
            Assert.That(await db.Set<WebhookDelivery>().CountAsync(), Is.EqualTo(2), "visible inside the transaction");
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();

        Assert.That(await db.Set<WebhookDelivery>().CountAsync(), Is.Zero);
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.False, "a rolled-back change does not wake the dispatcher");
    }

    [Test]
    public async Task A_change_that_fails_after_the_outbox_ran_leaves_no_delivery_and_a_committed_one_wakes_the_dispatcher()
    {
        await using var store = await WebhookTestSite.CreateAsync(TwoEndpoints,
            services => services.AddScoped<IContentEventHandler, RefusingHandler>());
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var signal = store.Services.GetRequiredService<WebhookCommitSignal>();
        await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

        var refused = await WebhookTestSite.NewPostAsync(manager, "Refuse", "blog/refused");
        Assert.ThrowsAsync<InvalidOperationException>(() => manager.CreateAsync(refused, publish: true));
        Assert.That(await DeliveriesAsync(scope), Is.Empty);
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.False);

        var accepted = await WebhookTestSite.NewPostAsync(manager, "Accept", "blog/accepted");
        await manager.CreateAsync(accepted, publish: true);
        Assert.That(await DeliveriesAsync(scope), Has.Count.EqualTo(2));
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task The_commit_signal_is_added_beside_the_store_s_own_interceptors()
    {
        await using var store = await WebhookTestSite.CreateAsync(TwoEndpoints);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var indexing = store.Services.GetRequiredService<OneDigital.Content.Indexing.IndexingSignal>().NextAsync();

        await manager.CreateAsync(await WebhookTestSite.NewPostAsync(manager, "Both", "blog/both"), publish: true);

        Assert.That(indexing.IsCompleted, Is.True, "the indexing signal still hears commits");
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.That(Convert.ToInt32(await command.ExecuteScalarAsync()), Is.EqualTo(30000), "SQLite's pragmas are still applied");
    }

    private sealed class RefusingHandler : IContentEventHandler
    {
        public Task PublishedAsync(ContentItem item) =>
            item.DisplayText == "Refuse" ? throw new InvalidOperationException("a later subscriber refused") : Task.CompletedTask;
    }

    private static Task<List<WebhookDelivery>> DeliveriesAsync(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WebhookDelivery>().AsNoTracking()
            .Include(d => d.Endpoint).OrderBy(d => d.CreatedUtc).ThenBy(d => d.EndpointId).ToListAsync();
}
