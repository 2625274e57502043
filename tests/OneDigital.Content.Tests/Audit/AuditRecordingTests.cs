// Why: the audit is only worth keeping if every row is true: a content change writes its row with the change, a
// change that rolls back writes none, and one editor action reads as one event.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Audit;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class AuditRecordingTests(TestDatabase database)
{
    private const string Definitions = """
        { "name": "Audit test", "steps": [ { "name": "ContentDefinition", "ContentTypes": [
            { "Name": "Article", "Settings": { "ContentTypeSettings": { "Draftable": true, "Versionable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] } ] }
        """;

    private TestStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = await TestStore.CreateAsync(database);
        await _store.ImportAsync(Definitions);
    }

    [TearDown]
    public async Task TearDown() => await _store.DisposeAsync();

    [Test]
    public async Task Content_changes_are_recorded_with_the_actor_the_item_its_version_and_its_title_at_the_time()
    {
        await using var scope = _store.Scope();
        scope.ServiceProvider.GetRequiredService<ContentActor>().Set("u-1", "alice", "192.0.2.7");
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await NewArticleAsync(manager, "First title");
        await manager.CreateAsync(item, publish: false);
        var createdVersion = item.ContentItemVersionId;
        item.GetOrCreatePart("TitlePart")["Title"] = "Second title";
        await manager.UpdateAsync(item);
        await manager.PublishAsync(item);
        await manager.UnpublishAsync(item);
        await manager.RemoveAsync(item);

        var events = (await ItemEventsAsync(item.ContentItemId)).AsEnumerable().Reverse().ToList();

        Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { AuditKind.Created, AuditKind.Updated, AuditKind.Published, AuditKind.Unpublished, AuditKind.Deleted }));
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.UserName), Is.All.EqualTo("alice"));
            Assert.That(events.Select(e => e.UserId), Is.All.EqualTo("u-1"));
            Assert.That(events.Select(e => e.RemoteAddress), Is.All.EqualTo("192.0.2.7"));
            Assert.That(events.Select(e => e.ContentType), Is.All.EqualTo("Article"));
            Assert.That(events[0].DisplayText, Is.EqualTo("First title"));
            Assert.That(events[0].ContentItemVersionId, Is.EqualTo(createdVersion));
            Assert.That(events[1].DisplayText, Is.EqualTo("Second title"));
            Assert.That(events.Select(e => e.OccurredUtc.Kind), Is.All.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task Without_a_signed_in_user_the_system_is_recorded_as_the_actor()
    {
        await using var scope = _store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await NewArticleAsync(manager, "By the system");
        await manager.CreateAsync(item, publish: false);

        var row = (await ItemEventsAsync(item.ContentItemId)).Single();

        Assert.That((row.UserName, row.UserId), Is.EqualTo((ContentActor.SystemName, (string?)null)));
    }

    [Test]
    public async Task A_change_that_rolls_back_leaves_no_audit_row()
    {
        await using var scope = _store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var transaction = scope.ServiceProvider.GetRequiredService<StoreTransaction>();
        var item = await NewArticleAsync(manager, "Never happened");

        Assert.ThrowsAsync<InvalidOperationException>(() => transaction.RunAsync(async () =>
        {
            await manager.CreateAsync(item, publish: true);
            throw new InvalidOperationException("the caller gives up");
        }));

        Assert.That(await ItemEventsAsync(item.ContentItemId), Is.Empty);
    }

    [Test]
    public async Task Discarding_a_draft_is_one_event_and_a_clone_names_its_source()
    {
        await using var scope = _store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await NewArticleAsync(manager, "Published one");
        await manager.CreateAsync(item, publish: true);
        var draft = (await manager.GetAsync(item.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Draft one";
        await manager.UpdateAsync(draft);
        await manager.DiscardDraftAsync(draft);
        var clone = await manager.CloneAsync(item);

        var itemEvents = await ItemEventsAsync(item.ContentItemId);
        var cloneEvents = await ItemEventsAsync(clone.ContentItemId);

        Assert.Multiple(() =>
        {
            Assert.That(itemEvents.Select(e => e.Kind), Is.EqualTo(new[] { AuditKind.DraftDiscarded, AuditKind.Updated, AuditKind.Published, AuditKind.Created }));
            Assert.That(itemEvents[0].DisplayText, Is.EqualTo("Draft one"), "the discarded draft is the one described");
            Assert.That(itemEvents[0].ContentItemVersionId, Is.EqualTo(draft.ContentItemVersionId));
            Assert.That(cloneEvents.Select(e => e.Kind), Is.EqualTo(new[] { AuditKind.Cloned, AuditKind.Created }));
            Assert.That(cloneEvents[0].Detail, Does.Contain(item.ContentItemId));
        });
    }

    [Test]
    public async Task A_recipe_import_is_one_event_with_its_counts_not_one_per_item()
    {
        await _store.ImportAsync("""
            { "name": "three articles", "steps": [ { "name": "content", "data": [
                { "ContentItemId": "a1", "ContentType": "Article", "DisplayText": "One", "Published": true, "Latest": true, "TitlePart": { "Title": "One" } },
                { "ContentItemId": "a2", "ContentType": "Article", "DisplayText": "Two", "Published": true, "Latest": true, "TitlePart": { "Title": "Two" } },
                { "ContentItemId": "a3", "ContentType": "Article", "DisplayText": "Three", "Published": false, "Latest": true, "TitlePart": { "Title": "Three" } } ] } ] }
            """);

        await using var scope = _store.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery());

        Assert.That(page.Events.Select(e => e.Kind), Is.EqualTo(new[] { AuditKind.Imported, AuditKind.Imported }), "the definitions recipe and this one");
        Assert.That(page.Events[0].Detail, Does.Contain("three articles").And.Contain("3 created"));
        Assert.That(page.Events.Select(e => e.ContentItemId), Is.All.Null);
    }

    private static async Task<ContentItem> NewArticleAsync(ContentManager manager, string title)
    {
        var item = await manager.NewAsync("Article");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        return item;
    }

    private async Task<IReadOnlyList<AuditEvent>> ItemEventsAsync(string contentItemId)
    {
        await using var scope = _store.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { ContentItemId = contentItemId });
        return page.Events;
    }
}
