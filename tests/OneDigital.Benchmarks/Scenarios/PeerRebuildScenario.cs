using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Querying;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// Only the <c>peer</c> scenario's rebuild of the posts' index, on a store an earlier <c>peer --keep</c> run left
/// (<c>--reuse</c>): profiling and comparing the rebuild without the import and the load runs around it.
/// </summary>
public sealed class PeerRebuildScenario : IScenario
{
    public string Name => "peer-rebuild";

    public string Description => "only the peer scenario's rebuild of the posts' index (on a store kept by peer --keep, with --reuse)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await using (var scope = run.Store.Services.CreateAsyncScope())
        {
            var posts = await scope.ServiceProvider.GetRequiredService<ContentQuery>().CountAsync(new ContentListRequest("PeerPost"), ct);
            if (posts == 0)
            {
                throw new InvalidOperationException("The store holds no PeerPost: run --scenario peer --keep first, then this scenario with --reuse.");
            }
        }
        var row = await PeerScenario.RebuildAsync(run, ct);
        run.Log.WriteLine(MemoryProbe.Phase("the rebuild"));
        return [row];
    }
}
