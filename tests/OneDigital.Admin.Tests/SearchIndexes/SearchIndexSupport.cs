// Why: the index pages read what this node's indexer has done; tests wait for it (the worker runs on commit and
// every interval) rather than sleeping.
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Admin.Tests.SearchIndexes;

internal static class SearchIndexSupport
{
    public const string Index = "Search";
    public const string Page = "/admin/search-indexes/Search";

    /// <summary>Brings the indexes up to date now (a pass of the indexer, as the worker makes).</summary>
    public static Task CatchUpAsync(AdminSite site) => site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();

    public static LuceneIndex? Open(AdminSite site) => site.Services.GetRequiredService<LuceneIndexes>().Find(Index);

    public static async Task<JsonElement> StatusAsync(AdminClient client)
    {
        using var response = await client.GetAsync(Page + "/status");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the status JSON as the page's script does until the index is neither queued nor running.</summary>
    public static async Task<JsonElement> WaitUntilDoneAsync(AdminClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await StatusAsync(client);
            var state = status.GetProperty("state").GetString();
            if (state is not ("queued" or "running")) return status;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the index is still {state}: {status}");
            await Task.Delay(100);
        }
    }
}
