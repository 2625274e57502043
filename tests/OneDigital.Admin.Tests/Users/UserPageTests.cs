// Why: the users pages' rules over real HTTP: the form messages for bad input, the last administrator kept, a
// disabled user refused at once, a deleted user's content keeping its author, the reset email, and the audit rows.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Account;
using OneDigital.Admin.Tests.Support;
using OneDigital.Admin.Users;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using static OneDigital.Admin.Tests.Users.UsersSupport;

namespace OneDigital.Admin.Tests.Users;

public sealed class UserPageTests : AdminSiteTests
{
    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("editor", Password, "Editor");
        await Site.AddUserAsync("searchable-one", Password, "Author");
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleService>()
            .SaveAsync("UserManagers", null, ["AccessAdminPanel", "ManageUsers"], PermissionBehavior.Replace);
        await Site.AddUserAsync("usermanager", Password, "UserManagers");
    }

    private Task<HttpResponseMessage> CreateAsync(params (string, string)[] fields) =>
        Admin.PostFormAsync("/admin/users/new", Form(fields));

    [Test]
    public async Task The_list_finds_users_by_part_of_their_name_or_email_and_shows_roles_status_and_last_sign_in()
    {
        using (var signedIn = Site.NewClient()) await signedIn.SignInAsync("searchable-one", Password);
        await Site.AddUserAsync("searchable-two", Password);
        await Site.UpdateUserAsync("searchable-two", u => { u.IsEnabled = false; u.Email = "hidden.person@example.org"; });

        var byName = await Admin.HtmlAsync("/admin/users?q=SEARCHABLE");
        var byEmail = await Admin.HtmlAsync("/admin/users?q=hidden.person");

        Assert.That(byName, Does.Contain("data-testid=\"total\">2 users"));
        var one = Row(byName, "searchable-one");
        Assert.That(one, Does.Contain("Author").And.Contain("Enabled").And.Contain("<time datetime="), "roles, status and the sign-in just made");
        Assert.That(Row(byName, "searchable-two"), Does.Contain("Disabled").And.Contain("Never").And.Contain("None"));
        Assert.That(byEmail, Does.Contain("data-testid=\"total\">1 user<").And.Contain("searchable-two"));
    }

    [Test]
    public async Task A_search_over_more_than_one_page_links_its_pages_keeping_the_search()
    {
        for (var i = 0; i < UsersModel.PageSize + 2; i++) await Site.AddUserAsync($"pager-{i:00}", Password);

        var first = WebUtility.HtmlDecode(await Admin.HtmlAsync("/admin/users?q=pager"));
        var second = WebUtility.HtmlDecode(await Admin.HtmlAsync("/admin/users?q=pager&p=2"));

        Assert.That(first, Does.Contain("aria-label=\"Pages of users\"").And.Contain("/admin/users?q=pager&p=2\" rel=\"next\""));
        Assert.That(first, Does.Contain("pager-24").And.Not.Contain("pager-25"), "25 a page, by name");
        Assert.That(second, Does.Contain("pager-26").And.Contain("/admin/users?q=pager&p=1\" rel=\"prev\"").And.Not.Contain("rel=\"next\""));
    }

    [Test]
    public async Task A_user_created_with_a_password_can_sign_in_with_the_chosen_roles_and_the_creation_is_audited()
    {
        using var created = await CreateAsync(("UserName", "newcomer"), ("Email", "newcomer@example.org"), ("PasswordChoice", "set"),
            ("Password", "Newcomer-Pa55word!"), ("ConfirmPassword", "Newcomer-Pa55word!"), ("Roles", "Author"), ("Roles", "Editor"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo(await UserPathAsync(Site, "newcomer")));
        Assert.That(await RolesOfAsync(Site, "newcomer"), Is.EquivalentTo(new[] { "Author", "Editor" }));
        using var client = Site.NewClient();
        await client.SignInAsync("newcomer", "Newcomer-Pa55word!");
        var audit = (await AuditAsync(Site, AuditKind.UserCreated))[0];
        Assert.That(audit.UserName, Is.EqualTo(AdminSite.AdminUserName), "the administrator who did it");
        Assert.That(audit.DisplayText, Is.EqualTo("User newcomer"));
        Assert.That(audit.Detail, Is.EqualTo("roles: Author, Editor"));
    }

    [Test]
    public async Task A_user_created_with_an_email_link_gets_the_set_password_email()
    {
        using var created = await CreateAsync(("UserName", "linked"), ("Email", "linked@example.org"), ("PasswordChoice", "email"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        var mail = AccountSupport.MailsTo(Site, "linked@example.org").Single();
        Assert.That(AccountSupport.ResetLink(mail), Does.StartWith("/admin/reset-password?user="));
        Assert.That((await FindUserAsync(Site, "linked"))!.PasswordHash, Is.Null, "no password until they choose one");
    }

    [Test]
    public async Task Bad_input_is_shown_as_form_messages_and_nothing_is_created()
    {
        using var duplicateName = await CreateAsync(("UserName", "EDITOR"), ("Email", "x@example.org"), ("PasswordChoice", "email"));
        using var duplicateEmail = await CreateAsync(("UserName", "copycat"), ("Email", "Editor@Example.Test"), ("PasswordChoice", "email"));
        using var weak = await CreateAsync(("UserName", "weakling"), ("PasswordChoice", "set"), ("Password", "password"), ("ConfirmPassword", "password"));
        using var empty = await CreateAsync(("UserName", " "), ("Email", "not an email"), ("PasswordChoice", "email"), ("Roles", "Nobody"));
        using var mismatch = await CreateAsync(("UserName", "twohands"), ("PasswordChoice", "set"), ("Password", "Good-Pa55word!"), ("ConfirmPassword", "Good-Pa55word?"));

        Assert.That(FormErrors(await duplicateName.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "There is already a user named EDITOR" }));
        Assert.That(FormErrors(await duplicateEmail.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "Another user has this email address" }));
        Assert.That(FormErrors(await weak.Content.ReadAsStringAsync()),
            Is.EqualTo(new[] { "Password must include a symbol (like ! or #), include a number and include a capital letter" }));
        Assert.That(FormErrors(await empty.Content.ReadAsStringAsync()), Is.EquivalentTo(new[]
        {
            "Enter a user name", "Enter an email address in the correct format, like name@example.org", "There is no role named Nobody",
        }));
        Assert.That(FormErrors(await mismatch.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "Enter the same password twice" }));
        foreach (var response in new[] { duplicateName, duplicateEmail, weak, empty, mismatch })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again, with its messages");
        }
        Assert.That(await FindUserAsync(Site, "copycat"), Is.Null);
        Assert.That(await FindUserAsync(Site, "weakling"), Is.Null);
        Assert.That(await FindUserAsync(Site, "twohands"), Is.Null);
    }

    [Test]
    public async Task A_disabled_user_is_signed_out_on_their_next_request_and_cannot_sign_in_again()
    {
        await Site.AddUserAsync("leaver", Password, "Editor");
        using var leaver = Site.NewClient();
        await leaver.SignInAsync("leaver", Password);
        var path = await UserPathAsync(Site, "leaver");

        using var saved = await Admin.PostFormAsync(path, Form(("Email", "leaver@example.test"), ("Roles", "Editor"), ("Status", "disabled")));
        using var next = await leaver.GetAsync("/admin/content");
        using var again = await Site.NewClient().PostSignInAsync("leaver", Password);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(next.Headers.Location?.ToString(), Does.Contain("/admin/sign-in"), "the live cookie no longer works");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the sign-in form again, refused");
        Assert.That((await AuditAsync(Site, AuditKind.UserDisabled)).Select(e => e.DisplayText), Does.Contain("User leaver"));
    }

    [Test]
    public async Task Editing_changes_email_and_roles_and_the_audit_row_says_what_changed()
    {
        await Site.AddUserAsync("mover", Password, "Author");
        var path = await UserPathAsync(Site, "mover");

        using var saved = await Admin.PostFormAsync(path, Form(("Email", "mover@example.org"), ("Roles", "Contributor"), ("Status", "enabled")));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(await RolesOfAsync(Site, "mover"), Is.EqualTo(new[] { "Contributor" }));
        Assert.That((await FindUserAsync(Site, "mover"))!.Email, Is.EqualTo("mover@example.org"));
        var row = (await AuditAsync(Site, AuditKind.UserUpdated)).First(e => e.DisplayText == "User mover");
        Assert.That(row.Detail, Is.EqualTo("email: mover@example.test → mover@example.org; roles removed: Author; roles added: Contributor"));
        Assert.That(await Admin.HtmlAsync(path), Does.Contain("mover was saved"));
    }

    [Test]
    public async Task The_last_enabled_administrator_cannot_be_disabled_demoted_or_deleted_but_one_of_two_can()
    {
        var adminPath = await UserPathAsync(Site, AdminSite.AdminUserName);
        using var manager = Site.NewClient();
        await manager.SignInAsync("usermanager", Password);

        using var disable = await Admin.PostFormAsync(adminPath, Form(("Email", AdminSite.AdminEmail), ("Roles", "Administrator"), ("Status", "disabled")));
        using var demote = await Admin.PostFormAsync(adminPath, Form(("Email", AdminSite.AdminEmail), ("Roles", "Editor"), ("Status", "enabled")));
        var deletePage = await manager.HtmlAsync($"{adminPath}/delete");
        using var delete = await manager.PostFormAsync(adminPath, [], $"{adminPath}/delete");
        await Site.AddUserAsync("deputy", Password, "Administrator");
        var deletePageWithDeputy = await manager.HtmlAsync($"{adminPath}/delete");
        using var disableDeputy = await Admin.PostFormAsync(await UserPathAsync(Site, "deputy"), Form(("Email", "deputy@example.test"), ("Roles", "Administrator"), ("Status", "disabled")));

        const string last = "admin is the last enabled administrator, so they cannot be ";
        const string advice = ": make another user an administrator first";
        Assert.That(FormErrors(await disable.Content.ReadAsStringAsync()), Is.EqualTo(new[] { last + "disabled" + advice }));
        Assert.That(FormErrors(await demote.Content.ReadAsStringAsync()), Is.EqualTo(new[] { last + "taken out of the Administrator role" + advice }));
        Assert.That(deletePage, Does.Contain(last + "deleted" + advice).And.Not.Contain("Yes, delete the user"));
        Assert.That(FormErrors(await delete.Content.ReadAsStringAsync()), Is.EqualTo(new[] { last + "deleted" + advice }));
        Assert.That((await FindUserAsync(Site, AdminSite.AdminUserName))!.IsEnabled, Is.True);
        Assert.That(await RolesOfAsync(Site, AdminSite.AdminUserName), Is.EqualTo(new[] { "Administrator" }));
        Assert.That(deletePageWithDeputy, Does.Contain("Yes, delete the user"), "with two enabled administrators, one may go");
        Assert.That(disableDeputy.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the deputy is not the last one");
    }

    [Test]
    public async Task A_deleted_users_content_keeps_its_owner_and_author_and_the_deletion_is_audited()
    {
        var writer = await Site.AddUserAsync("writer", Password, "Author");
        string itemId;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await manager.NewAsync("Page");
            item.DisplayText = "Written by the writer";
            item.Owner = writer.Id;
            item.Author = "writer";
            await manager.CreateAsync(item, publish: true);
            itemId = item.ContentItemId;
        }
        var path = await UserPathAsync(Site, "writer");

        var confirm = await Admin.HtmlAsync($"{path}/delete");
        using var deleted = await Admin.PostFormAsync($"{path}/delete", []);

        Assert.That(confirm, Does.Contain("The 1 content item they own keeps them as its owner and author."));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(deleted.Headers.Location?.ToString(), Is.EqualTo("/admin/users"));
        Assert.That(await FindUserAsync(Site, "writer"), Is.Null);
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(itemId, VersionOptions.Published);
            Assert.That(item, Is.Not.Null, "the item is still there");
            Assert.That(item!.Owner, Is.EqualTo(writer.Id));
            Assert.That(item.Author, Is.EqualTo("writer"));
        }
        var audit = (await AuditAsync(Site, AuditKind.UserDeleted))[0];
        Assert.That(audit.DisplayText, Is.EqualTo("User writer"));
        Assert.That(audit.Detail, Is.EqualTo("1 content items keep them as owner and author"));
    }

    [Test]
    public async Task An_administrator_cannot_delete_their_own_account()
    {
        var path = await UserPathAsync(Site, AdminSite.AdminUserName);

        var page = await Admin.HtmlAsync($"{path}/delete");
        using var post = await Admin.PostFormAsync(path, [], $"{path}/delete");

        Assert.That(page, Does.Contain("You cannot delete your own account").And.Not.Contain("Yes, delete the user"));
        Assert.That(FormErrors(await post.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "You cannot delete your own account: ask another administrator" }));
        Assert.That(await FindUserAsync(Site, AdminSite.AdminUserName), Is.Not.Null);
    }

    [Test]
    public async Task Send_a_password_reset_emails_the_user_a_link()
    {
        await Site.AddUserAsync("resettable", Password, "Editor");
        var path = await UserPathAsync(Site, "resettable");

        using var sent = await Admin.PostFormAsync(path, [], $"{path}?handler=reset");

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(AccountSupport.MailsTo(Site, "resettable@example.test"), Has.Count.EqualTo(1));
        Assert.That(await Admin.HtmlAsync(path), Does.Contain("A link to choose a new password was emailed to resettable@example.test"));
    }

    [Test]
    public async Task Users_and_roles_pages_need_ManageUsers_and_ManageRoles()
    {
        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);
        var adminPath = await UserPathAsync(Site, AdminSite.AdminUserName);

        foreach (var path in new[] { "/admin/users", "/admin/users/new", adminPath, $"{adminPath}/delete", "/admin/roles", "/admin/roles/new" })
        {
            using var response = await editor.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }
        using var forged = await editor.PostRawAsync($"{adminPath}/delete", []);
        Assert.That(forged.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest));
        Assert.That(await FindUserAsync(Site, AdminSite.AdminUserName), Is.Not.Null);
    }

    [Test]
    public async Task Every_form_of_the_users_and_roles_pages_carries_its_antiforgery_token()
    {
        await Site.AddUserAsync("formcheck", Password, "Editor");
        var user = await UserPathAsync(Site, "formcheck");
        var role = await RolePathAsync(Site, "Editor");

        foreach (var path in new[] { "/admin/users/new", user, $"{user}/delete", "/admin/roles/new", role, $"{role}/delete" })
        {
            var (forms, withToken) = PostForms(await Admin.HtmlAsync(path));
            Assert.That(forms, Is.GreaterThan(1), path);
            Assert.That(withToken, Is.EqualTo(forms), path);
        }
    }

    private static string Row(string html, string userName)
    {
        var start = html.IndexOf($"data-user=\"{userName}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), $"a row for {userName}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
