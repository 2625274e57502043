// Why: a web farm keeps a permission cache per node; a role saved on one node must reach a holder served by the other
// (within the store poll, a second), and a user disabled on one node must be refused by the other on their next request.
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using static OneDigital.Admin.Tests.Users.UsersSupport;

namespace OneDigital.Admin.Tests.Users;

public sealed class UsersOnTwoNodesTests : AdminSiteTests
{
    private AdminSite _second = null!;

    protected override Task<AdminSite> StartSiteAsync() => AdminSite.StartPostgresAsync();

    protected override async Task PrepareAsync()
    {
        _second = await Site.StartOtherNodeAsync();
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().SaveAsync("Farm auditors", null, ["AccessAdminPanel"], PermissionBehavior.Replace);
    }

    [OneTimeTearDown]
    public async Task StopSecondAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
    }

    private string OnSecond(string path) => new Uri(_second.Address, path).ToString();

    [Test]
    public async Task A_role_saved_on_one_node_changes_what_its_holder_may_do_on_the_other_within_the_store_poll()
    {
        await Site.AddUserAsync("farmauditor", Password, "Farm auditors");
        using var auditor = Site.NewClient();
        await auditor.SignInAsync("farmauditor", Password);
        using var before = await auditor.GetAsync(OnSecond("/admin/audit"));
        var path = await RolePathAsync(Site, "Farm auditors");

        using var saved = await Admin.PostFormAsync(path, Form(("Permissions", "AccessAdminPanel"), ("Permissions", "ViewAuditTrail")));
        var waited = Stopwatch.StartNew();
        var status = HttpStatusCode.Forbidden;
        while (status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var after = await auditor.GetAsync(OnSecond("/admin/audit"));
            status = after.StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(100);
        }

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the second node knew the role without the permission");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the second node sees the saved role");
        Assert.That(waited.Elapsed, Is.LessThan(StoreVersions.PollInterval + TimeSpan.FromSeconds(2)), "within the store poll (and a loaded machine's margin)");
    }

    [Test]
    public async Task A_user_disabled_on_one_node_is_signed_out_by_the_other_on_their_next_request()
    {
        await Site.AddUserAsync("farmleaver", Password, "Editor");
        using var leaver = Site.NewClient();
        await leaver.SignInAsync("farmleaver", Password);
        using var before = await leaver.GetAsync(OnSecond("/admin/content"));
        var path = await UserPathAsync(Site, "farmleaver");

        using var saved = await Admin.PostFormAsync(path, Form(("Email", "farmleaver@example.test"), ("Roles", "Editor"), ("Status", "disabled")));
        using var next = await leaver.GetAsync(OnSecond("/admin/content"));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(next.Headers.Location?.ToString(), Does.Contain("/admin/sign-in"));
    }
}
