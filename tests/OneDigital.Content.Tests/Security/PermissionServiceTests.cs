using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Testing;
using static OneDigital.Content.Tests.Security.Principals;

namespace OneDigital.Content.Tests.Security;

public class PermissionServiceTests
{
    [Test]
    public async Task The_built_in_roles_are_created_with_Orchards_default_permissions()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();

        await roles.EnsureBuiltInRolesAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await roles.ListAsync()).Select(r => r.Name), Is.EquivalentTo(new[]
            {
                "Administrator", "Anonymous", "Authenticated", "Editor", "Moderator", "Author", "Contributor",
            }));
            Assert.That(await roles.GetPermissionsAsync("Anonymous"), Is.EquivalentTo(new[] { "ViewContent" }));
            Assert.That(await roles.GetPermissionsAsync("Authenticated"), Is.EquivalentTo(new[] { "ViewContent" }));
            Assert.That(await roles.GetPermissionsAsync("Administrator"), Is.Empty);
            Assert.That(await roles.GetPermissionsAsync("Editor"), Is.SupersetOf(new[]
            {
                "PublishContent", "EditContent", "DeleteContent", "PreviewContent", "CloneContent", "ListContent", "AccessAdminPanel",
            }));
            Assert.That(await roles.GetPermissionsAsync("Author"), Is.SupersetOf(new[]
            {
                "PublishOwnContent", "EditOwnContent", "DeleteOwnContent", "PreviewOwnContent", "CloneOwnContent",
            }));
            Assert.That(await roles.GetPermissionsAsync("Author"), Has.None.EqualTo("EditContent"));
            Assert.That(await roles.GetPermissionsAsync("Contributor"), Is.SupersetOf(new[] { "EditOwnContent", "PreviewOwnContent", "CloneOwnContent" }));
            Assert.That(await roles.GetPermissionsAsync("Contributor"), Has.None.EqualTo("PublishOwnContent"));
            Assert.That(await roles.GetPermissionsAsync("Moderator"), Is.EquivalentTo(new[] { "AccessAdminPanel", "ManageOwnUserInformation" }));
        });
    }

    [Test]
    public async Task Ensuring_the_built_in_roles_again_leaves_changed_permissions_alone()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        await roles.EnsureBuiltInRolesAsync();
        await roles.SaveAsync("Anonymous", null, [], PermissionBehavior.Replace);

        await roles.EnsureBuiltInRolesAsync();

        Assert.That(await roles.GetPermissionsAsync("Anonymous"), Is.Empty);
    }

    [Test]
    public async Task An_anonymous_caller_gets_only_the_Anonymous_roles_permissions()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        await roles.SaveAsync("Anonymous", null, ["ViewContent"], PermissionBehavior.Replace);
        await roles.SaveAsync("Authenticated", null, ["ExecuteGraphQL"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), "ViewContent"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(null, "ViewContent"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), "ExecuteGraphQL"), Is.False);
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), "EditContent"), Is.False);
        });
    }

    [Test]
    public async Task A_signed_in_caller_gets_the_Anonymous_and_Authenticated_roles_and_its_own_roles()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        await roles.SaveAsync("Anonymous", null, ["QueryLuceneSearchIndex"], PermissionBehavior.Replace);
        await roles.SaveAsync("Authenticated", null, ["ExecuteGraphQL"], PermissionBehavior.Replace);
        await roles.SaveAsync("PartnerReader", null, ["QueryLuceneApi"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();

        var partner = SignedIn("u1", "partnerreader");
        var someone = SignedIn("u2");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(partner, "QueryLuceneApi"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(partner, "ExecuteGraphQL"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(partner, "QueryLuceneSearchIndex"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(someone, "ExecuteGraphQL"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(someone, "QueryLuceneApi"), Is.False);
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), "ExecuteGraphQL"), Is.False);
        });
    }

    [Test]
    public async Task An_OpenID_client_principal_gets_the_permissions_of_the_roles_its_token_claims()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<RoleService>()
            .SaveAsync("PartnerReader", null, ["ExecuteGraphQL", "ViewContent"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();

        // OpenIddict's principals name the role claim "role" and carry no user id for client credentials.
        var client = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "partner-site"), new("role", "PartnerReader")], "OpenIddict.Validation", "name", "role"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(client, "ExecuteGraphQL"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(client, "ExecuteGraphQLMutations"), Is.False);
        });
    }

    [Test]
    public async Task The_Administrator_role_is_granted_everything_even_names_nobody_defined()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().EnsureBuiltInRolesAsync();
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        var admin = SignedIn("admin", "ADMINISTRATOR");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(admin, Permissions.ManageRoles), Is.True);
            Assert.That(await permissions.IsGrantedAsync(admin, "ExecuteGraphQLMutations"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(admin, "SomeFuturePermission"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(admin, Permissions.DeleteContent, Item("Article", "someone-else")), Is.True);
        });
    }

    [Test]
    public async Task Implied_permissions_are_granted_by_the_stronger_ones_held()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<RoleService>()
            .SaveAsync("Integrator", null, ["ExecuteGraphQLMutations", "EditContent"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        var user = SignedIn("u1", "Integrator");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(user, "ExecuteGraphQL"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.EditOwnContent), Is.True);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.ViewContent), Is.True);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.PublishContent), Is.False);
        });
    }

    [Test]
    public async Task Own_permissions_apply_only_to_items_the_caller_owns()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().EnsureBuiltInRolesAsync();
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        var author = SignedIn("author-1", "Author");
        var mine = Item("Article", "author-1");
        var theirs = Item("Article", "author-2");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.EditContent, mine), Is.True);
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.PublishContent, mine), Is.True);
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.DeleteContent, mine), Is.True);
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.EditContent, theirs), Is.False);
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.DeleteContent, theirs), Is.False);
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.EditContent), Is.False, "without an item only the general permission counts");
            Assert.That(await permissions.IsGrantedAsync(author, Permissions.EditContent, Item("Article", null)), Is.False);
        });
    }

    [Test]
    public async Task A_role_with_per_type_permissions_acts_on_that_type_only()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
        await definitions.AlterTypeAsync("Page", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
        await scope.ServiceProvider.GetRequiredService<RoleService>()
            .SaveAsync("ArticleEditor", null, ["Edit_Article", "ViewOwn_Page"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        var user = SignedIn("u1", "ArticleEditor");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.EditContent, Item("Article", "someone")), Is.True);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.ViewContent, Item("Article", "someone")), Is.True, "Edit_Article implies View_Article");
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.EditContent, Item("Page", "u1")), Is.False);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.ViewContent, Item("Page", "u1")), Is.True);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.ViewContent, Item("Page", "someone")), Is.False);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.PublishContent, Item("Article", "someone")), Is.False);
            Assert.That(await permissions.IsGrantedAsync(user, Permissions.EditContent), Is.False, "a per-type permission is not the general one");
            Assert.That(await permissions.IsGrantedAsync(user, "edit_article"), Is.True);
            Assert.That(await permissions.IsGrantedForTypeAsync(user, Permissions.EditContent, "Article"), Is.True);
            Assert.That(await permissions.IsGrantedForTypeAsync(user, Permissions.ViewContent, "Page"), Is.False);
        });
    }

    [Test]
    public async Task Only_a_grant_naming_a_Securable_type_or_the_Administrator_role_opens_its_items()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterTypeAsync("LearningSubmission", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
        await definitions.AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = false }));
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        await roles.EnsureBuiltInRolesAsync();
        await roles.SaveAsync("Anonymous", null, ["ViewContent"], PermissionBehavior.Replace);
        await roles.SaveAsync("Marker", null, ["View_LearningSubmission"], PermissionBehavior.Replace);
        await roles.SaveAsync("Learner", null, ["ViewOwn_LearningSubmission"], PermissionBehavior.Replace);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        var submission = Item("LearningSubmission", "learner-1");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), Permissions.ViewContent, submission), Is.False);
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), Permissions.ViewContent, Item("Article", "x")), Is.True, "other types keep Orchard's rule");
            Assert.That(await permissions.IsGrantedAsync(SignedIn("e", "Editor"), Permissions.EditContent, submission), Is.False);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("learner-1", "Editor"), Permissions.EditContent, submission), Is.False, "EditOwnContent does not name the type");
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), "View_LearningSubmission"), Is.False, "asked by name");
            Assert.That(await permissions.IsGrantedForTypeAsync(Anonymous(), Permissions.ViewContent, "LearningSubmission"), Is.False);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("m", "Marker"), Permissions.ViewContent, submission), Is.True);
            Assert.That(await permissions.IsGrantedForTypeAsync(SignedIn("m", "Marker"), Permissions.ViewContent, "LearningSubmission"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("m", "Marker"), Permissions.EditContent, submission), Is.False);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("learner-1", "Learner"), Permissions.ViewContent, submission), Is.True, "ViewOwn_ for one's own");
            Assert.That(await permissions.IsGrantedAsync(SignedIn("learner-2", "Learner"), Permissions.ViewContent, submission), Is.False);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("a", "Administrator"), Permissions.DeleteContent, submission), Is.True);
        });
    }

    [Test]
    public async Task With_SecurableTypesNeedTypePermission_off_the_general_permissions_also_cover_Securable_types_as_in_Orchard()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Security:SecurableTypesNeedTypePermission"] = "false" });
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>()
            .AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
        await scope.ServiceProvider.GetRequiredService<RoleService>().EnsureBuiltInRolesAsync();
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await permissions.IsGrantedAsync(SignedIn("e", "Editor"), Permissions.EditContent, Item("Article", "x")), Is.True);
            Assert.That(await permissions.IsGrantedAsync(Anonymous(), Permissions.ViewContent, Item("Article", "x")), Is.True);
            Assert.That(await permissions.IsGrantedForTypeAsync(Anonymous(), Permissions.ViewContent, "Article"), Is.True);
            Assert.That(await permissions.IsGrantedAsync(SignedIn("c", "Contributor"), Permissions.PublishContent, Item("Article", "c")), Is.False);
        });
    }

    [Test]
    public async Task The_catalogue_lists_per_type_permissions_for_Securable_types_only()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = true }));
        await definitions.AlterTypeAsync("Page", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = false }));
        var catalogue = scope.ServiceProvider.GetRequiredService<PermissionCatalogue>();

        var names = (await catalogue.ListAsync()).Select(p => p.Name).ToList();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(names, Is.SupersetOf(new[] { "ExecuteGraphQL", "Edit_Article", "ViewOwn_Article", "ListContent_Article" }));
            Assert.That(names, Has.None.EqualTo("Edit_Page"));
            Assert.That(names, Is.Unique);
            Assert.That((await catalogue.FindAsync("edit_article"))?.Name, Is.EqualTo("Edit_Article"));
            Assert.That(await catalogue.FindAsync("Edit_Missing"), Is.Null);
        });
    }

    [Test]
    public async Task A_change_to_a_role_is_seen_by_later_checks_in_the_same_scope()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionService>();
        await roles.SaveAsync("Anonymous", null, [], PermissionBehavior.Replace);
        Assert.That(await permissions.IsGrantedAsync(Anonymous(), "ExecuteGraphQL"), Is.False);

        await roles.SaveAsync("Anonymous", null, ["ExecuteGraphQL"], PermissionBehavior.Add);

        Assert.That(await permissions.IsGrantedAsync(Anonymous(), "ExecuteGraphQL"), Is.True);
    }

    [Test]
    public async Task Permissions_read_inside_a_rolled_back_transaction_are_not_remembered()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await roles.SaveAsync("Anonymous", null, ["ViewContent"], PermissionBehavior.Replace);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await roles.SaveAsync("Anonymous", null, ["ExecuteGraphQL"], PermissionBehavior.Add);
            Assert.That(await roles.GetPermissionsAsync("Anonymous"), Does.Contain("ExecuteGraphQL"));
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
        }

        Assert.That(await roles.GetPermissionsAsync("Anonymous"), Is.EquivalentTo(new[] { "ViewContent" }));
    }

    [Test]
    public async Task A_type_made_Securable_is_enforced_by_the_next_scope_and_an_uncommitted_change_is_not_kept()
    {
        await using var store = await TestStore.CreateAsync();
        async Task<bool> AnonymousMayView()
        {
            await using var scope = store.Scope();
            return await scope.ServiceProvider.GetRequiredService<PermissionService>().IsGrantedForTypeAsync(Anonymous(), Permissions.ViewContent, "Article");
        }
        async Task MakeSecurable(bool securable)
        {
            await using var scope = store.Scope();
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>()
                .AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = securable }));
        }
        await using (var scope = store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleService>().SaveAsync("Anonymous", null, ["ViewContent"], PermissionBehavior.Replace);
        }
        await MakeSecurable(false);
        Assert.That(await AnonymousMayView(), Is.True);

        await MakeSecurable(true);
        Assert.That(await AnonymousMayView(), Is.False, "the process-wide securable types follow the definitions' version");

        await using (var scope = store.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>()
                .AlterTypeAsync("Article", t => SettingsReader.Write(t.Settings, new ContentTypeSettings { Securable = false }));
            Assert.That(await scope.ServiceProvider.GetRequiredService<PermissionService>()
                .IsGrantedForTypeAsync(Anonymous(), Permissions.ViewContent, "Article"), Is.True, "the import's own scope sees its change");
            await transaction.RollbackAsync();
        }
        Assert.That(await AnonymousMayView(), Is.False, "a rolled-back change is not remembered for other scopes");
    }
}
