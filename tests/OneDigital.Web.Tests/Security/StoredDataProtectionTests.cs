// Why: sign-in cookies and antiforgery tokens are data protection's output; they must stay readable on every node of
// a farm and after a restart, which holds only if the one key ring lives in the store and is made once.
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Security;

public class StoredDataProtectionTests
{
    private const string Purpose = "OneDigital.Tests.Cookie";

    private static string Protect(RunningSite node, string text) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(text);

    private static string Unprotect(RunningSite node, string protectedText) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedText);

    private static Task<int> KeyCountAsync(TestSite site) =>
        site.WithStoreAsync(s => s.GetRequiredService<ContentDbContext>().Set<DataProtectionKeyRecord>().CountAsync());

    [Test]
    public async Task The_first_start_of_a_new_site_logs_no_failure_and_leaves_one_key()
    {
        await using var site = TestSite.Create();
        var log = new RecordedLog(LogLevel.Warning);
        await using (var first = await site.StartAsync(log.AddTo))
        {
            // A request as setup runs is what a browser opened at once sends; it must not read the ring early.
            using var early = await first.Http.GetAsync("/admin/sign-in");
            await first.SetupCompletion;
            using var signIn = await first.Http.GetAsync("/admin/sign-in");
            Assert.That(signIn.IsSuccessStatusCode, Is.True);
            Assert.That(log.Lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)), Is.Empty);
        }
        Assert.That(await KeyCountAsync(site), Is.EqualTo(1));
    }

    [Test]
    public async Task What_one_node_protects_another_node_on_the_same_PostgreSQL_store_unprotects()
    {
        await using var site = TestSite.CreatePostgres();
        await using var nodeA = await site.StartAsync();
        await nodeA.SetupCompletion;
        await using var nodeB = await site.StartAsync($"--OneDigital:DataDir={Path.Combine(site.DataDir, "node-b")}");
        await nodeB.SetupCompletion;

        var fromA = Protect(nodeA, "signed in as alice");
        var fromB = Protect(nodeB, "antiforgery for bob");

        Assert.That(Unprotect(nodeB, fromA), Is.EqualTo("signed in as alice"));
        Assert.That(Unprotect(nodeA, fromB), Is.EqualTo("antiforgery for bob"));
        Assert.That(await KeyCountAsync(site), Is.EqualTo(1));
    }

    [Test]
    public async Task What_a_site_protected_before_a_restart_it_unprotects_after_on_the_same_SQLite_folder()
    {
        await using var site = TestSite.Create();
        string protectedText;
        await using (var before = await site.StartAsync())
        {
            await before.SetupCompletion;
            protectedText = Protect(before, "still signed in");
        }

        await using var after = await site.StartAsync();
        await after.SetupCompletion;

        Assert.That(Unprotect(after, protectedText), Is.EqualTo("still signed in"));
        Assert.That(await KeyCountAsync(site), Is.EqualTo(1), "the restart used the stored key instead of making another");
    }

    [Test]
    public async Task Two_nodes_starting_together_on_an_empty_store_make_one_key_that_both_use()
    {
        await using var site = TestSite.CreatePostgres();
        var starts = await Task.WhenAll(site.StartAsync(), site.StartAsync($"--OneDigital:DataDir={Path.Combine(site.DataDir, "node-b")}"));
        await using var nodeA = starts[0];
        await using var nodeB = starts[1];
        await Task.WhenAll(nodeA.SetupCompletion, nodeB.SetupCompletion);

        var fromA = Protect(nodeA, "from A");
        var fromB = Protect(nodeB, "from B");

        Assert.That(await KeyCountAsync(site), Is.EqualTo(1));
        Assert.That(Unprotect(nodeB, fromA), Is.EqualTo("from A"));
        Assert.That(Unprotect(nodeA, fromB), Is.EqualTo("from B"));
    }
}
