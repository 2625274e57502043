using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Security;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Security;

public class RolesStepTests
{
    private static async Task<ImportReport> RunAsync(TestStore store, string json)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>()
            .ExecuteAsync(RecipeDescriptor.Parse(json, TestContext.CurrentContext.WorkDirectory), new RecipeParameters { AdminUserId = "admin" });
    }

    private static async Task<IReadOnlySet<string>> PermissionsOfAsync(TestStore store, string role)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<RoleService>().GetPermissionsAsync(role);
    }

    private static string Recipe(params string[] steps) => $$"""{ "name": "test", "steps": [ {{string.Join(",", steps)}} ] }""";

    [Test]
    public async Task Orchards_headless_roles_step_creates_the_built_in_roles_with_their_defaults_and_listed_permissions()
    {
        await using var store = await TestStore.CreateAsync();

        await RunAsync(store, Recipe("""
            { "name": "Roles", "Roles": [
              { "Name": "Administrator", "Description": "Administrator", "Permissions": [] },
              { "Name": "Editor", "Description": "Editor", "Permissions": [] },
              { "Name": "AUTHENTICATED", "Description": "Authenticated", "Permissions": [ "ViewContent", "ExecuteGraphQL", "ExecuteApiAll" ] },
              { "Name": "ANONYMOUS", "Description": "Anonymous", "Permissions": [] } ] }
            """));

        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await roles.ListAsync()).Select(r => r.Name), Is.EquivalentTo(new[] { "Administrator", "Editor", "Authenticated", "Anonymous" }));
            Assert.That(await roles.GetPermissionsAsync("Authenticated"), Is.EquivalentTo(new[] { "ViewContent", "ExecuteGraphQL", "ExecuteApiAll" }));
            Assert.That(await roles.GetPermissionsAsync("Anonymous"), Is.EquivalentTo(new[] { "ViewContent" }));
            Assert.That(await roles.GetPermissionsAsync("Editor"), Does.Contain("EditContent"));
            Assert.That(await roles.GetPermissionsAsync("Administrator"), Is.Empty);
        });
    }

    [Test]
    public async Task Replace_is_the_default_and_sets_exactly_the_listed_permissions()
    {
        await using var store = await TestStore.CreateAsync();
        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Permissions": [ "PublishContent", "EditContent" ] } ] }"""));

        await RunAsync(store, Recipe("""{ "name": "roles", "Roles": [ { "Name": "journalist", "Permissions": [ "viewcontent", "ExecuteGraphQL", "ViewContent" ] } ] }"""));

        Assert.That(await PermissionsOfAsync(store, "Journalist"), Is.EquivalentTo(new[] { "ViewContent", "ExecuteGraphQL" }));
    }

    [Test]
    public async Task Add_keeps_the_roles_permissions_and_adds_the_listed_ones()
    {
        await using var store = await TestStore.CreateAsync();
        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Permissions": [ "EditContent" ] } ] }"""));

        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "PermissionBehavior": "Add", "Permissions": [ "PublishContent", "EditContent" ] } ] }"""));

        Assert.That(await PermissionsOfAsync(store, "Journalist"), Is.EquivalentTo(new[] { "EditContent", "PublishContent" }));
    }

    [Test]
    public async Task Remove_takes_the_listed_permissions_from_the_role()
    {
        await using var store = await TestStore.CreateAsync();
        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Permissions": [ "EditContent", "PublishContent", "ListContent" ] } ] }"""));

        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "PermissionBehavior": "remove", "Permissions": [ "publishcontent", "ListContent", "NotHeld" ] } ] }"""));

        Assert.That(await PermissionsOfAsync(store, "Journalist"), Is.EquivalentTo(new[] { "EditContent" }));
    }

    [Test]
    public async Task Replace_on_an_existing_built_in_role_can_empty_it()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleService>().EnsureBuiltInRolesAsync();
        }

        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Anonymous", "Permissions": [] } ] }"""));

        Assert.That(await PermissionsOfAsync(store, "Anonymous"), Is.Empty);
    }

    [Test]
    public async Task Unknown_permission_names_are_kept_and_reported_as_warnings()
    {
        await using var store = await TestStore.CreateAsync();

        var report = await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Partner", "Permissions": [ "ViewContent", "ExecuteApi_RecentPosts" ] } ] }"""));

        Assert.Multiple(async () =>
        {
            Assert.That(await PermissionsOfAsync(store, "Partner"), Is.EquivalentTo(new[] { "ViewContent", "ExecuteApi_RecentPosts" }));
            Assert.That(report.Warnings, Has.Exactly(1).Contains("Roles[0].Permissions[1]").And.Contains("ExecuteApi_RecentPosts"));
            Assert.That(report.StepsRun, Is.EqualTo(new[] { "1:Roles" }));
        });
    }

    [Test]
    public async Task Permissions_listed_for_Administrator_are_not_stored_and_are_reported()
    {
        await using var store = await TestStore.CreateAsync();

        var report = await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "administrator", "Permissions": [ "ManageUsers" ] } ] }"""));

        Assert.Multiple(async () =>
        {
            Assert.That(await PermissionsOfAsync(store, "Administrator"), Is.Empty);
            Assert.That(report.Warnings, Has.Exactly(1).Contains("Administrator holds every permission"));
        });
    }

    [TestCase("""{ "name": "Roles", "Roles": { "Name": "Editor" } }""", "steps[0].Roles")]
    [TestCase("""{ "name": "Roles" }""", "steps[0].Roles")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A" }, "Editor" ] }""", "steps[0].Roles[1]")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A" }, { "Description": "no name" } ] }""", "steps[0].Roles[1].Name")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "  " } ] }""", "steps[0].Roles[0].Name")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A" }, { "Name": "B" }, { "Name": "C", "PermissionBehavior": "Merge" } ] }""", "steps[0].Roles[2].PermissionBehavior")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A", "PermissionBehavior": "Replace, Add" } ] }""", "steps[0].Roles[0].PermissionBehavior")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A", "Permissions": "ViewContent" } ] }""", "steps[0].Roles[0].Permissions")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A", "Permissions": [ "ViewContent", 3 ] } ] }""", "steps[0].Roles[0].Permissions[1]")]
    [TestCase("""{ "name": "Roles", "Roles": [ { "Name": "A", "Description": 5 } ] }""", "steps[0].Roles[0].Description")]
    public async Task A_malformed_Roles_step_fails_naming_the_JSON_path_and_writes_nothing(string step, string path)
    {
        await using var store = await TestStore.CreateAsync();

        var ex = Assert.ThrowsAsync<RecipeException>(() => RunAsync(store, Recipe(step)));

        await using var scope = store.Scope();
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.JsonPath, Is.EqualTo(path));
            Assert.That(ex.StepName, Is.EqualTo("Roles"));
            Assert.That(await scope.ServiceProvider.GetRequiredService<RoleService>().ListAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task PermissionBehavior_may_be_given_as_Orchards_enum_number()
    {
        await using var store = await TestStore.CreateAsync();
        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "J", "Permissions": [ "EditContent" ] } ] }"""));

        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "J", "PermissionBehavior": 1, "Permissions": [ "ListContent" ] } ] }"""));

        Assert.That(await PermissionsOfAsync(store, "J"), Is.EquivalentTo(new[] { "EditContent", "ListContent" }));
    }

    [Test]
    public async Task A_recipe_that_fails_after_its_Roles_step_leaves_the_roles_unchanged()
    {
        await using var store = await TestStore.CreateAsync();
        await RunAsync(store, Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Permissions": [ "EditContent" ] } ] }"""));

        var ex = Assert.ThrowsAsync<RecipeException>(() => RunAsync(store, Recipe(
            """{ "name": "Roles", "Roles": [ { "Name": "Journalist", "Permissions": [ "PublishContent" ] }, { "Name": "Reviewer", "Permissions": [ "ViewContent" ] } ] }""",
            """{ "name": "Roles", "Roles": [ { "Name": "[nope: x]" } ] }""")));

        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.StepNumber, Is.EqualTo(2));
            Assert.That(ex.JsonPath, Is.EqualTo("steps[1].Roles[0].Name"));
            Assert.That(await roles.GetPermissionsAsync("Journalist"), Is.EquivalentTo(new[] { "EditContent" }));
            Assert.That(await roles.FindAsync("Reviewer"), Is.Null);
        });
    }
}
