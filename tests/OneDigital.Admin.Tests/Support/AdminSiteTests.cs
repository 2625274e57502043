// Why: most admin test classes share one site and one signed-in administrator for all their tests; the set-up and
// tear-down live here once.
namespace OneDigital.Admin.Tests.Support;

/// <summary>A test class with its own <see cref="AdminSite"/> (started once for its tests) and a client signed in as
/// the setup administrator. Override <see cref="StartSiteAsync"/> for settings, services or PostgreSQL.</summary>
public abstract class AdminSiteTests
{
    protected AdminSite Site { get; private set; } = null!;

    protected AdminClient Admin { get; private set; } = null!;

    protected virtual Task<AdminSite> StartSiteAsync() => AdminSite.StartAsync();

    /// <summary>What the class's tests share beyond the site: types, users, items (runs once, after sign-in).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    [OneTimeSetUp]
    public async Task StartAdminSiteAsync()
    {
        Site = await StartSiteAsync();
        Admin = await Site.SignedInAdminAsync();
        await PrepareAsync();
    }

    [OneTimeTearDown]
    public async Task StopAdminSiteAsync()
    {
        Admin?.Dispose();
        if (Site is not null) await Site.DisposeAsync();
    }
}
