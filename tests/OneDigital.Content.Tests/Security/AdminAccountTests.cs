using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Security;

public class AdminAccountTests
{
    [Test]
    public async Task The_admin_account_is_created_in_the_Administrator_role_and_its_id_returned()
    {
        await using var store = await TestStore.CreateAsync();
        string id;
        await using (var scope = store.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AdminAccount>().EnsureAsync("admin", "admin@example.com", "Str0ng!Passw0rd");
        }

        await using var check = store.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByNameAsync("admin");
        Assert.Multiple(async () =>
        {
            Assert.That(user?.Id, Is.EqualTo(id));
            Assert.That(user!.Email, Is.EqualTo("admin@example.com"));
            Assert.That(await users.GetRolesAsync(user), Is.EqualTo(new[] { "Administrator" }));
            Assert.That(await users.CheckPasswordAsync(user, "Str0ng!Passw0rd"), Is.True);
            Assert.That((await check.ServiceProvider.GetRequiredService<RoleService>().ListAsync()).Count, Is.EqualTo(BuiltInRoles.Names.Count()));
        });
    }

    [Test]
    public async Task Ensuring_the_admin_account_twice_returns_the_same_user()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccount>();

        var first = await accounts.EnsureAsync("admin", "admin@example.com", "Str0ng!Passw0rd");
        var second = await accounts.EnsureAsync("ADMIN", "other@example.com", "Different!Passw0rd");

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task A_weak_admin_password_fails_with_Identitys_reasons_and_creates_nothing()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.Scope())
        {
            var ex = Assert.ThrowsAsync<IdentityFailureException>(() =>
                scope.ServiceProvider.GetRequiredService<AdminAccount>().EnsureAsync("admin", "admin@example.com", "short"));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Does.Contain("admin").And.Contain("at least 8 characters"));
                Assert.That(ex.Errors, Is.Not.Empty);
            });
        }

        await using var check = store.Scope();
        Assert.Multiple(async () =>
        {
            Assert.That(await check.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("admin"), Is.Null);
            Assert.That(await check.ServiceProvider.GetRequiredService<RoleService>().ListAsync(), Is.Empty);
        });
    }
}
