// Why: several web nodes share one PostgreSQL store, each with its own runner; a scheduled change must be made exactly
// once however their passes overlap, even when one node's claim lapses while it is still making the change.
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Scheduling;

public class TwoNodeScheduleTests() : ScheduleFixture(TestDatabase.Postgres)
{
    private PublishGate _gate = new();
    private ServiceProvider? _nodeB;
    private string? _nodeBDir;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        _gate = new PublishGate();
        services.Configure<SchedulingOptions>(o => { o.NodeName = "node-a"; o.BatchSize = 3; });
        services.AddSingleton(_gate);
        services.AddScoped<IContentEventHandler, PublishGate.Handler>();
    }

    /// <summary>A second node on the same database: its own container, context pool and runner; the same clock and event log.</summary>
    private async Task<ScheduledChangeRunner> NodeBAsync()
    {
        string connectionString;
        await using (var scope = Store.Scope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<ContentDbContext>().Database.GetConnectionString()!;
        }
        _nodeBDir = Path.Combine(Path.GetTempPath(), "onedigital-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneDigital:DataDir"] = _nodeBDir,
            ["OneDigital:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = connectionString,
            ["OneDigital:Scheduling:NodeName"] = "node-b",
            ["OneDigital:Scheduling:BatchSize"] = "3",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration))
            .AddContentScheduling()
            .AddSingleton<TimeProvider>(Clock);
        Events.Register(services);
        _nodeB = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return _nodeB.GetRequiredService<ScheduledChangeRunner>();
    }

    [TearDown]
    public async Task StopNodeBAsync()
    {
        if (_nodeB is not null) await _nodeB.DisposeAsync();
        if (_nodeBDir is not null && Directory.Exists(_nodeBDir)) Directory.Delete(_nodeBDir, recursive: true);
        (_nodeB, _nodeBDir) = (null, null);
    }

    [Test]
    public async Task Two_nodes_racing_over_the_same_due_changes_make_each_exactly_once()
    {
        var nodeB = await NodeBAsync();
        var pages = new List<ContentItem>();
        for (var i = 0; i < 12; i++)
        {
            var page = await CreatePageAsync($"Page {i}", publish: false);
            await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1 + i % 3), Editor);
            pages.Add(page);
        }
        Clock.Advance(TimeSpan.FromMinutes(5));

        var results = await Task.WhenAll(Task.Run(() => Runner.RunDueAsync()), Task.Run(() => nodeB.RunDueAsync()));

        Assert.That(results.Sum(r => r.Completed), Is.EqualTo(pages.Count));
        foreach (var page in pages)
        {
            Assert.That(Events.Count("published", page.ContentItemId), Is.EqualTo(1), page.DisplayText);
            Assert.That((await Query.GetVersionsAsync(page.ContentItemId)).Count(v => v.Published), Is.EqualTo(1), page.DisplayText);
        }
        var claimers = await Db.Set<ScheduledChange>().Select(s => s.ClaimedBy).Distinct().ToListAsync();
        Assert.That(claimers, Is.SubsetOf(new[] { "node-a", "node-b" }));
    }

    [Test]
    public async Task A_node_whose_claim_lapses_while_it_makes_the_change_still_makes_it_only_once()
    {
        var nodeB = await NodeBAsync();
        var page = await CreatePageAsync("Slow publish", publish: false);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1), Editor);
        Clock.Advance(TimeSpan.FromMinutes(1));

        // Node A claims the change and stalls inside its transaction, holding the row it completed.
        _gate.Arm();
        var nodeA = Task.Run(() => Runner.RunDueAsync());
        await _gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        Clock.Advance(new SchedulingOptions().ClaimDuration + TimeSpan.FromSeconds(1));
        // Node B finds the claim lapsed; its claim waits on node A's row, and then finds the change completed.
        var nodeBRun = Task.Run(() => nodeB.RunDueAsync());
        await Task.Delay(500);
        _gate.Release();
        var (a, b) = (await nodeA, await nodeBRun);

        Assert.That((a.Completed, b.Total), Is.EqualTo((1, 0)));
        Assert.That(Events.Count("published", page.ContentItemId), Is.EqualTo(1));
        var row = (await Schedule.ForItemAsync(page.ContentItemId)).Single();
        Assert.That((row.State, row.ClaimedBy), Is.EqualTo((ScheduleState.Completed, "node-a")));
    }

    /// <summary>Holds node A's first publish inside its transaction until the test lets it go.</summary>
    private sealed class PublishGate
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Entered => _entered.Task;

        public void Arm() => _armed = 1;

        public void Release() => _released.TrySetResult();

        public sealed class Handler(PublishGate gate) : IContentEventHandler
        {
            public async Task PublishedAsync(ContentItem item)
            {
                if (Interlocked.Exchange(ref gate._armed, 0) == 1)
                {
                    gate._entered.TrySetResult();
                    await gate._released.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
        }
    }
}
