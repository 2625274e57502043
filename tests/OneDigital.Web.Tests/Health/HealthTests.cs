using System.Net;
using OneDigital.Content.Store;
using OneDigital.Web.Setup;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Health;

public sealed class HealthTests
{
    [Test]
    public async Task Health_is_503_while_setup_has_not_finished_and_200_once_it_has()
    {
        await using var store = TestSite.Create();
        // Another process setting the store up holds this lock; ours waits for it, serving 503 meanwhile.
        var lockPath = SetupLock.LockFilePath(new StoreOptions { DataDir = store.DataDir })!;
        var otherProcess = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        await using var site = await store.StartAsync(TestSite.SetupRecipe("site.recipe.json"));
        var waiting = await site.Http.GetAsync("/health");
        var otherPage = await site.Http.GetAsync("/anything");
        await otherProcess.DisposeAsync();
        await site.SetupCompletion;
        var ready = await site.Http.GetAsync("/health");

        Assert.That(waiting.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await waiting.Content.ReadAsStringAsync(), Does.Contain("setting up"));
        Assert.That(otherPage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "nothing is served from a store being set up");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("ready"));
    }

    [Test]
    public async Task Health_is_503_when_the_store_stops_answering()
    {
        await using var store = TestSite.Create();
        await using var site = await store.StartAsync(TestSite.SetupRecipe("empty.recipe.json"));
        await site.SetupCompletion;
        Assert.That((await site.Http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The database is replaced by an empty one under the running site.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(store.DataDir, "onedigital.db*").Where(f => !f.EndsWith(".setup-lock", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        var response = await site.Http.GetAsync("/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }
}
