// Why: the users pages refuse to leave the site without an enabled administrator, but they check before the change's
// transaction; two administrators disabling each other at the same moment both passed that check. The guard inside
// the transaction must make the second wait for the first and then refuse, on both providers.
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Admin.Users;
using OneDigital.Content.Store;
using static OneDigital.Admin.Tests.Users.UsersSupport;

namespace OneDigital.Admin.Tests.Users;

public sealed class LastAdministratorRaceTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Two_administrators_disabling_each_other_at_once_leave_one_enabled(bool postgres)
    {
        await using var site = postgres ? await AdminSite.StartPostgresAsync() : await AdminSite.StartAsync();
        await site.AddUserAsync("deputy", Password, "Administrator");

        var firstChecked = new TaskCompletionSource();
        var firstMayCommit = new TaskCompletionSource();
        var first = DisableAsync(site, AdminSite.AdminUserName, firstChecked, firstMayCommit.Task);
        await firstChecked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var second = DisableAsync(site, "deputy", new TaskCompletionSource(), Task.CompletedTask);
        // Long enough for the second change to reach its own check if nothing made it wait for the first.
        await Task.Delay(500);
        firstMayCommit.SetResult();

        await first;
        Assert.That(async () => await second, Throws.TypeOf<LastAdministratorException>()
            .With.Message.EqualTo("deputy is the last enabled administrator, so they cannot be disabled: make another user an administrator first"));
        Assert.That((await FindUserAsync(site, AdminSite.AdminUserName))!.IsEnabled, Is.False);
        Assert.That((await FindUserAsync(site, "deputy"))!.IsEnabled, Is.True, "the refused change was rolled back");
    }

    /// <summary>What the user page's save does for "disabled": the change, then the guard, in one transaction.</summary>
    private static async Task DisableAsync(AdminSite site, string userName, TaskCompletionSource @checked, Task mayCommit)
    {
        await Task.Yield();
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<User>>();
        await services.GetRequiredService<StoreTransaction>().RunAsync(async () =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            user.IsEnabled = false;
            await users.UpdateAsync(user);
            await services.GetRequiredService<UserAccounts>().EnsureAnAdministratorRemainsAsync(user, "disabled", CancellationToken.None);
            @checked.SetResult();
            await mayCommit;
        });
    }
}
