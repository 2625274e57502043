// Why: retention is a promise to delete (and to keep): rows past the configured age go, younger rows and a setting
// of 0 keep everything, the background purge does it on its own, and a bad setting stops the site naming the key.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Audit;

public class AuditRetentionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Events_older_than_the_retention_are_purged_and_younger_ones_kept()
    {
        await using var store = await StoreAsync(retentionDays: "30");
        await RecordAsync(store, "old");
        _clock.Advance(TimeSpan.FromDays(20));
        await RecordAsync(store, "young");
        _clock.Advance(TimeSpan.FromDays(11));

        var purged = await store.Services.GetRequiredService<AuditPurge>().PurgeOnceAsync();
        var again = await store.Services.GetRequiredService<AuditPurge>().PurgeOnceAsync();

        Assert.That((purged, again), Is.EqualTo((1, 0)), "a second run (another node) finds nothing left to delete");
        Assert.That(await DetailsAsync(store), Is.EqualTo(new[] { "young" }));
    }

    [Test]
    public async Task A_retention_of_zero_keeps_events_forever()
    {
        await using var store = await StoreAsync(retentionDays: "0");
        await RecordAsync(store, "ancient");
        _clock.Advance(TimeSpan.FromDays(10_000));

        Assert.That(await store.Services.GetRequiredService<AuditPurge>().PurgeOnceAsync(), Is.Zero);
        Assert.That(await DetailsAsync(store), Is.EqualTo(new[] { "ancient" }));
    }

    [Test]
    public async Task The_background_purge_waits_for_the_store_then_runs_on_its_interval_as_the_clock_moves()
    {
        await using var store = await StoreAsync(retentionDays: "1");
        await RecordAsync(store, "old at start");
        var purge = store.Services.GetRequiredService<AuditPurge>();
        await purge.StartAsync(CancellationToken.None);
        try
        {
            _clock.Advance(TimeSpan.FromDays(2));
            await Task.Delay(200);
            Assert.That(await DetailsAsync(store), Is.EqualTo(new[] { "old at start" }), "nothing is read before setup has opened the store");

            // As setup does once the store is migrated: the first round runs at once.
            store.Services.GetRequiredService<StoreCondition>().MarkOpened(StoreMarker.For(store.Services.GetRequiredService<StoreOptions>(), "test-store", DateTime.UtcNow));
            await EventuallyEmptyAsync(store, advanceBy: TimeSpan.Zero);

            // A later event goes in a later round, an interval (60 min) after another, once it is a day old.
            await RecordAsync(store, "old later");
            await EventuallyEmptyAsync(store, advanceBy: TimeSpan.FromMinutes(60));
            Assert.That(_clock.GetUtcNow() - new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), Is.GreaterThanOrEqualTo(TimeSpan.FromDays(1)));
        }
        finally
        {
            await purge.StopAsync(CancellationToken.None);
        }
    }

    private async Task EventuallyEmptyAsync(TestStore store, TimeSpan advanceBy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await DetailsAsync(store)).Count > 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the purge did not run");
            _clock.Advance(advanceBy);
            await Task.Delay(20);
        }
    }

    [TestCase("-1", "OneDigital:Audit:RetentionDays must not be negative")]
    [TestCase("1.5", "OneDigital:Audit:RetentionDays")]
    public async Task A_bad_retention_setting_is_refused_naming_the_key(string value, string message)
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Audit:RetentionDays"] = value });

        var ex = Assert.Catch(() => _ = store.Services.GetRequiredService<IOptions<AuditOptions>>().Value);

        Assert.That(ex!.Message, Does.Contain(message));
    }

    private async Task<TestStore> StoreAsync(string retentionDays) =>
        await TestStore.CreateAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["OneDigital:Audit:RetentionDays"] = retentionDays },
            s => s.AddSingleton<TimeProvider>(_clock).AddAuditRetention());

    private static async Task RecordAsync(TestStore store, string detail)
    {
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(AuditKind.SignIn) { Detail = detail });
    }

    private static async Task<List<string?>> DetailsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery());
        return page.Events.Select(e => e.Detail).ToList();
    }
}
