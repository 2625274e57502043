// Why: the journey an administrator makes in Chromium: a role that may edit blog posts only, a person in it, and that
// person's admin, which shows blog posts and nothing else and refuses the users and roles pages. Every users and roles
// page type passes axe-core on the way; checkboxes and buttons are worked by keyboard.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Users;

public sealed class UsersBrowserTests : BrowserTest
{
    private const string EditorPassword = "Blog-Editor-Pa55!";

    [Test]
    public async Task An_administrator_makes_a_blog_editors_role_and_a_user_in_it_who_sees_only_blog_posts()
    {
        await Site.CreateItemAsync("BlogPost", "Journey post about digital champions", publish: true);
        await Site.CreateItemAsync("Page", "Journey page blog editors must not see", publish: true);
        await SignInAsync();

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roles", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/roles");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a role" }).ClickAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Blog editors");
        // The admin's own pages need AccessAdminPanel; the rest is the one per-type permission.
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "AccessAdminPanel", Exact = true }).CheckAsync();
        await Page.Locator("details[data-type=BlogPost] summary").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Edit_BlogPost", Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the role" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("banner")).ToContainTextAsync("The role Blog editors was added.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Edit_BlogPost", Exact = true })).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/users");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a user" }).ClickAsync();
        await Page.GetByLabel("User name").FillAsync("blogeditor");
        await Page.GetByLabel("Email address").FillAsync("blog.editor@example.org");
        await Page.GetByLabel("Set a password now and tell them it").CheckAsync();
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(EditorPassword);
        await Page.GetByLabel("Confirm the password").FillAsync(EditorPassword);
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Blog editors" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByTestId("banner")).ToContainTextAsync("blogeditor was added.");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete this user" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Delete blogeditor?", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/roles");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete Blog editors" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("holders")).ToContainTextAsync("1 user holds this role");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync("blogeditor", EditorPassword);
        await Page.GotoAsync("/admin/content");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Journey post about digital champions", Exact = true })).ToBeVisibleAsync();
        Assert.That(await Page.Locator("tr[data-item]").CountAsync(), Is.EqualTo(1), "the one blog post, nothing of the setup's pages and reports");
        Assert.That(await Page.GetByText("Journey page blog editors must not see").CountAsync(), Is.Zero);
        Assert.That(await Page.Locator("select#type option").AllTextContentsAsync(), Is.EqualTo(new[] { "All types", "Blog Post" }));
        Assert.That((await Page.GotoAsync("/admin/users"))?.Status, Is.EqualTo(403));
        Assert.That((await Page.GotoAsync("/admin/roles"))?.Status, Is.EqualTo(403));
    }
}
