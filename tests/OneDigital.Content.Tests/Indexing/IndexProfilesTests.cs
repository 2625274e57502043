using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Indexing;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Indexing;

/// <summary>
/// Resets and rebuilds are queued by index name for every node, by the recipe steps and the CLI alike: "all" means
/// every profile, and a request naming an index no profile has queues nothing and says which name it was.
/// </summary>
public class IndexProfilesTests
{
    [Test]
    public async Task Queueing_without_names_queues_every_profile_by_its_index_name()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<IndexProfiles>();
        await profiles.SaveAsync(Profile("Blog", "BlogIndex"));
        await profiles.SaveAsync(Profile("Search", "Search"));

        var queued = await profiles.QueueAsync(null, "Rebuild");

        var pending = (await profiles.GetAsync()).PendingActions;
        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.EqualTo(new[] { "BlogIndex", "Search" }));
            Assert.That(pending.Select(a => (a.IndexName, a.Action)), Is.EqualTo(new[] { ("BlogIndex", "Rebuild"), ("Search", "Rebuild") }));
        });
    }

    [Test]
    public async Task A_name_no_profile_has_is_refused_with_its_position_and_nothing_is_queued()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<IndexProfiles>();
        await profiles.SaveAsync(Profile("Blog", "BlogIndex"));

        var error = Assert.ThrowsAsync<UnknownIndexProfileException>(() => profiles.QueueAsync(["blog", "Missing"], "Reset"));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Position, Is.EqualTo(1));
            Assert.That(error.Message, Is.EqualTo("There is no index named 'Missing'."));
            Assert.That((await profiles.GetAsync()).PendingActions, Is.Empty);
        });
    }

    private static IndexProfileEntry Profile(string name, string indexName) => new(
        Id: null, Name: name, IndexName: indexName, ProviderName: "Lucene", Type: "Content",
        Properties: new JsonObject { ["ContentIndexMetadata"] = new JsonObject { ["IndexedContentTypes"] = new JsonArray("BlogPost") } });
}
