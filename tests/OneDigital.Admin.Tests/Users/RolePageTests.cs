// Why: the roles pages' rules over real HTTP: permissions shown by feature with Orchard's names and per content type,
// saved through RoleService so a signed-in holder feels the change on their next request, the built-in roles kept,
// a held role's deletion naming how many hold it, and the form messages for bad input.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Roles;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using static OneDigital.Admin.Tests.Users.UsersSupport;

namespace OneDigital.Admin.Tests.Users;

public sealed class RolePageTests : AdminSiteTests
{
    private Task<HttpResponseMessage> CreateAsync(params (string, string)[] fields) =>
        Admin.PostFormAsync("/admin/roles/new", Form(fields));

    [Test]
    public void Every_built_in_permission_belongs_to_a_feature_group()
    {
        Assert.That(Permissions.All.Where(p => !PermissionGroups.Covers(p)).Select(p => p.Name), Is.Empty);
    }

    [Test]
    public async Task The_editor_groups_permissions_by_feature_with_orchards_names_and_each_content_type_has_its_own()
    {
        var html = await Admin.HtmlAsync("/admin/roles/new");

        Assert.That(html, Does.Contain("data-feature=\"Contents\"").And.Contain("data-feature=\"Users\"").And.Contain("data-feature=\"Media\""));
        Assert.That(html, Does.Contain("value=\"ManageMediaContent\"").And.Contain("Manage media"));
        Assert.That(html, Does.Contain("data-type=\"BlogPost\"").And.Contain("Blog Post (BlogPost)"));
        foreach (var name in new[] { "Publish_BlogPost", "Edit_BlogPost", "EditOwn_BlogPost", "Delete_BlogPost", "View_BlogPost", "Preview_BlogPost", "Clone_BlogPost" })
        {
            Assert.That(html, Does.Contain($"value=\"{name}\""), name);
        }
        Assert.That(html, Does.Contain("Edit BlogPost for others"), "Orchard's description of the per-type permission");
        Assert.That(html, Does.Contain("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Blog Post permissions</legend>"));
    }

    [Test]
    public async Task A_new_role_holds_what_was_ticked_and_its_creation_is_audited()
    {
        using var created = await CreateAsync(("Name", " Blog editors "), ("Description", "Edit the blog"), ("Permissions", "AccessAdminPanel"), ("Permissions", "Edit_BlogPost"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo(await RolePathAsync(Site, "Blog editors")));
        Assert.That(await PermissionsOfAsync(Site, "Blog editors"), Is.EquivalentTo(new[] { "AccessAdminPanel", "Edit_BlogPost" }));
        var edit = await Admin.HtmlAsync(created.Headers.Location!.ToString());
        Assert.That(edit, Does.Contain("value=\"Edit_BlogPost\" checked=\"checked\""));
        Assert.That(edit, Does.Contain("<details class=\"govuk-details\" open=\"open\" data-type=\"BlogPost\""), "a type the role has permissions for is open");
        var audit = (await AuditAsync(Site, AuditKind.RoleCreated))[0];
        Assert.That(audit.DisplayText, Is.EqualTo("Role Blog editors"));
        Assert.That(audit.Detail, Is.EqualTo("permissions added: AccessAdminPanel, Edit_BlogPost"));
    }

    [Test]
    public async Task Bad_input_is_shown_as_form_messages_and_nothing_is_created()
    {
        using var empty = await CreateAsync(("Name", "  "));
        using var duplicate = await CreateAsync(("Name", "editor"));
        using var comma = await CreateAsync(("Name", "Blog, news"));
        using var unknown = await CreateAsync(("Name", "Forgers"), ("Permissions", "RuleTheWorld"));

        Assert.That(FormErrors(await empty.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "Enter a name for the role" }));
        Assert.That(FormErrors(await duplicate.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "There is already a role named Editor" }));
        Assert.That(FormErrors(await comma.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "The name cannot contain a comma" }));
        Assert.That(FormErrors(await unknown.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "There is no permission named RuleTheWorld" }));
        Assert.That(await FindRoleAsync(Site, "Forgers"), Is.Null);
        Assert.That(await FindRoleAsync(Site, "Blog, news"), Is.Null);
    }

    [Test]
    public async Task A_permission_change_takes_effect_on_the_holders_next_request()
    {
        await RoleServiceSaveAsync("Auditors", "AccessAdminPanel");
        await Site.AddUserAsync("auditor", Password, "Auditors");
        using var auditor = Site.NewClient();
        await auditor.SignInAsync("auditor", Password);
        using var before = await auditor.GetAsync("/admin/audit");
        var path = await RolePathAsync(Site, "Auditors");

        using var saved = await Admin.PostFormAsync(path, Form(("Description", ""), ("Permissions", "AccessAdminPanel"), ("Permissions", "ViewAuditTrail")));
        using var after = await auditor.GetAsync("/admin/audit");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same sign-in, the new permission");
        Assert.That((await AuditAsync(Site, AuditKind.RoleUpdated))[0].Detail, Is.EqualTo("permissions added: ViewAuditTrail"));
    }

    [Test]
    public async Task A_permission_no_feature_defines_is_shown_and_kept_when_the_role_is_saved()
    {
        await RoleServiceSaveAsync("Legacy", "AccessAdminPanel", "SomeOldModulePermission");
        var path = await RolePathAsync(Site, "Legacy");

        var html = await Admin.HtmlAsync(path);
        using var saved = await Admin.PostFormAsync(path, Form(("Permissions", "AccessAdminPanel"), ("Permissions", "SomeOldModulePermission")));

        Assert.That(html, Does.Contain("data-feature=\"Other\"").And.Contain("value=\"SomeOldModulePermission\" checked=\"checked\""));
        Assert.That(await PermissionsOfAsync(Site, "Legacy"), Is.EquivalentTo(new[] { "AccessAdminPanel", "SomeOldModulePermission" }));
    }

    [Test]
    public async Task The_built_in_roles_cannot_be_deleted_and_say_why()
    {
        foreach (var role in new[] { "Administrator", "Anonymous", "Authenticated" })
        {
            var path = await RolePathAsync(Site, role);
            var page = await Admin.HtmlAsync($"{path}/delete");
            using var post = await Admin.PostFormAsync(path, [], $"{path}/delete");

            Assert.That(page, Does.Contain($"{role} is built in").And.Not.Contain("Yes, delete the role"), role);
            Assert.That(FormErrors(await post.Content.ReadAsStringAsync()).Single(), Does.StartWith($"{role} is built in"), role);
            Assert.That(await FindRoleAsync(Site, role), Is.Not.Null, role);
        }
    }

    [Test]
    public async Task Deleting_a_held_role_names_how_many_hold_it_then_takes_it_from_them()
    {
        await RoleServiceSaveAsync("Temporary", "AccessAdminPanel");
        await Site.AddUserAsync("temp1", Password, "Temporary");
        await Site.AddUserAsync("temp2", Password, "Temporary", "Author");
        var path = await RolePathAsync(Site, "Temporary");

        var confirm = await Admin.HtmlAsync($"{path}/delete");
        using var deleted = await Admin.PostFormAsync($"{path}/delete", []);

        Assert.That(confirm, Does.Contain("2 users hold this role: they lose its permissions"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await FindRoleAsync(Site, "Temporary"), Is.Null);
        Assert.That(await RolesOfAsync(Site, "temp2"), Is.EqualTo(new[] { "Author" }));
        Assert.That(await Admin.HtmlAsync("/admin/roles"), Does.Contain("The role Temporary was deleted."));
        Assert.That((await AuditAsync(Site, AuditKind.RoleDeleted))[0].Detail, Is.EqualTo("held by 2 users"));
    }

    [Test]
    public async Task The_administrator_role_has_no_permissions_to_choose()
    {
        var html = await Admin.HtmlAsync(await RolePathAsync(Site, "Administrator"));

        Assert.That(html, Does.Contain("data-testid=\"administrator\"").And.Not.Contain("name=\"Permissions\""));
        Assert.That(html, Does.Not.Contain("Delete this role"));
    }

    private async Task RoleServiceSaveAsync(string name, params string[] permissions)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().SaveAsync(name, null, permissions, PermissionBehavior.Replace);
    }
}
