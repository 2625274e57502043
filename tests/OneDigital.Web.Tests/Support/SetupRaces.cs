using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;

namespace OneDigital.Web.Tests.Support;

/// <summary>Processes starting at once on one empty store: exactly one of them sets it up.</summary>
internal static class SetupRaces
{
    public static async Task AssertThreeProcessesSetUpOnceAsync(TestSite store)
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => store.RunAsync("export", "--out", Path.Combine(store.DataDir, $"{Guid.NewGuid():N}.json"), TestSite.SetupRecipe("site.recipe.json")))));

        Assert.That(runs.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", runs.Select(r => r.ToString())));
        Assert.That(runs.Count(r => r.Error.Contains("generated password", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await store.CountItemsAsync(), Is.EqualTo(1));
        Assert.That(await store.WithStoreAsync(s => s.GetRequiredService<ContentDbContext>().Users.CountAsync()), Is.EqualTo(1));
    }
}
