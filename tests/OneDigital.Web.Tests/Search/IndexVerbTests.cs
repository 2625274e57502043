using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Search;

/// <summary><c>index rebuild</c> and <c>index reset</c> on the command line.</summary>
public class IndexVerbTests
{
    [Test]
    public async Task Index_rebuild_builds_the_search_index_from_the_store_and_names_the_count()
    {
        await using var site = TestSite.Create();

        var result = await site.RunAsync("index", "rebuild", "Search");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Match(@"Search: rebuilt, [1-9]\d* documents"), result.ToString());
        Assert.That(Directory.Exists(Path.Combine(site.DataDir, "Lucene", "Search")), Is.True);
    }

    [Test]
    public async Task Index_reset_of_every_index_succeeds()
    {
        await using var site = TestSite.Create();

        var result = await site.RunAsync("index", "reset", "--all");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("Search: reset"));
    }

    [Test]
    public async Task An_unknown_index_is_named_in_the_error()
    {
        await using var site = TestSite.Create();

        var result = await site.RunAsync("index", "rebuild", "Nope");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("There is no index named 'Nope'"));
    }
}
