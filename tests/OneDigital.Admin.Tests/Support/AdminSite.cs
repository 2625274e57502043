// Why: every admin test needs the real host on loopback with a known administrator, set up and ready, and a way to
// add the editors a test is about. One class, so the next pages' tests start a site in one line.
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Testing.Web;

namespace OneDigital.Admin.Tests.Support;

/// <summary>The real site (<c>OneDigitalHost.BuildWebApp</c>) on a throwaway store, with the setup administrator's credentials.</summary>
public sealed class AdminSite : IAsyncDisposable
{
    public const string AdminUserName = "admin";
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "Admin-Pa55word!";

    private readonly TestSite _store;

    private AdminSite(TestSite store, RunningSite site)
    {
        _store = store;
        Site = site;
    }

    public RunningSite Site { get; }

    public Uri Address => Site.Http.BaseAddress!;

    public IServiceProvider Services => Site.Services;

    /// <summary>A SQLite store in a temporary folder; <paramref name="settings"/> are extra <c>--Key=value</c> switches.</summary>
    public static Task<AdminSite> StartAsync(params string[] settings) => StartAsync(TestSite.Create(), settings);

    /// <summary>A SQLite store, with the test's own services added last (a clock the test moves).</summary>
    public static Task<AdminSite> StartAsync(Action<IServiceCollection> configureServices, params string[] settings) =>
        StartAsync(TestSite.Create(), settings, configureServices);

    /// <summary>A PostgreSQL store (a database of its own), for tests where several nodes matter.</summary>
    public static Task<AdminSite> StartPostgresAsync(params string[] settings) => StartAsync(TestSite.CreatePostgres(), settings);

    /// <summary>A second web node on this site's PostgreSQL database (its own data folder), for web-farm tests.</summary>
    public Task<AdminSite> StartOtherNodeAsync(params string[] settings) => StartAsync(_store.OtherNode(), settings);

    private static async Task<AdminSite> StartAsync(TestSite store, string[] settings, Action<IServiceCollection>? configureServices = null)
    {
        try
        {
            var site = await store.StartAsync(configureServices,
            [
                $"--OneDigital:Setup:AdminUserName={AdminUserName}",
                $"--OneDigital:Setup:AdminEmail={AdminEmail}",
                $"--OneDigital:Setup:AdminPassword={AdminPassword}",
                .. settings,
            ]);
            await site.SetupCompletion;
            return new AdminSite(store, site);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that keeps its own cookies, not signed in.</summary>
    public AdminClient NewClient() => new(Address);

    /// <summary>A client signed in as the setup administrator.</summary>
    public async Task<AdminClient> SignedInAdminAsync()
    {
        var client = NewClient();
        await client.SignInAsync(AdminUserName, AdminPassword);
        return client;
    }

    /// <summary>Creates a user with a password and these roles (none: only Authenticated's permissions).</summary>
    public async Task<User> AddUserAsync(string userName, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, Email = $"{userName}@example.test", EmailConfirmed = true };
        Assert.That((await users.CreateAsync(user, password)).Succeeded, Is.True, $"user {userName} created");
        foreach (var role in roles)
        {
            Assert.That((await users.AddToRoleAsync(user, role)).Succeeded, Is.True, $"{userName} added to {role}");
        }
        return user;
    }

    /// <summary>Creates a content item through the content manager, as a draft or published; returns its id.</summary>
    public async Task<string> CreateItemAsync(string contentType, string displayText, bool publish)
    {
        await using var scope = Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(contentType);
        item.DisplayText = displayText;
        await manager.CreateAsync(item, publish);
        return item.ContentItemId;
    }

    /// <summary>Changes a stored user (disable it, lock it...).</summary>
    public async Task UpdateUserAsync(string userName, Action<User> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        change(user);
        Assert.That((await users.UpdateAsync(user)).Succeeded, Is.True);
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await _store.DisposeAsync();
    }
}
