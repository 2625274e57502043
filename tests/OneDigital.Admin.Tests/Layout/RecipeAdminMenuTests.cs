// Why: Orchard sites bring their own admin links in an AdminMenu step; the header shows them to those they are for.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Recipes;
using OneDigital.Testing;

namespace OneDigital.Admin.Tests.Layout;

public sealed class RecipeAdminMenuTests
{
    private const string Password = "Editor-Pa55word!";

    private const string Recipe = """
        { "name": "AdminLinks", "steps": [ { "name": "AdminMenu", "data": [
          { "Id": "menu-1", "Name": "Hub", "Enabled": true, "MenuItems": [
            { "$type": "OrchardCore.AdminMenu.AdminNodes.LinkAdminNode, OrchardCore.AdminMenu", "UniqueId": "n1", "Enabled": true,
              "LinkText": "Reports hub", "LinkUrl": "~/knowledge-hub?type=Report", "IconClass": "fa fa-book", "PermissionNames": [], "Items": [
                { "$type": "OrchardCore.AdminMenu.AdminNodes.LinkAdminNode, OrchardCore.AdminMenu", "UniqueId": "n2", "Enabled": true,
                  "LinkText": "Audit export", "LinkUrl": "/admin/audit", "PermissionNames": ["ViewAuditTrail"], "Items": [] } ] },
            { "$type": "OrchardCore.AdminMenu.AdminNodes.LinkAdminNode, OrchardCore.AdminMenu", "UniqueId": "n3", "Enabled": false,
              "LinkText": "Switched off", "LinkUrl": "/admin/off", "PermissionNames": [], "Items": [] } ] },
          { "Id": "menu-2", "Name": "Old", "Enabled": false, "MenuItems": [
            { "$type": "OrchardCore.AdminMenu.AdminNodes.LinkAdminNode, OrchardCore.AdminMenu", "UniqueId": "n4", "Enabled": true,
              "LinkText": "Old menu link", "LinkUrl": "/admin/old", "PermissionNames": [], "Items": [] } ] } ] } ] }
        """;

    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        await _site.AddUserAsync("editor", Password, "Editor");
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(Recipe, "."), RecipeRunner.Parameters);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private static async Task<string> NavigationAsync(AdminClient client)
    {
        using var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("id=\"admin-navigation\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    [Test]
    public async Task The_enabled_links_of_a_recipes_admin_menu_follow_the_admins_own_entries()
    {
        using var client = await _site.SignedInAdminAsync();

        var navigation = await NavigationAsync(client);

        Assert.That(navigation, Does.Contain("href=\"/knowledge-hub?type=Report\">Reports hub</a>"));
        Assert.That(navigation, Does.Contain("href=\"/admin/audit\">Audit export</a>"));
        Assert.That(navigation, Does.Not.Contain("Switched off").And.Not.Contain("Old menu link"));
        Assert.That(navigation.IndexOf("Reports hub", StringComparison.Ordinal), Is.GreaterThan(navigation.IndexOf("Audit trail", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_link_naming_permissions_is_shown_only_to_holders_of_one_of_them()
    {
        using var client = _site.NewClient();
        await client.SignInAsync("editor", Password);

        var navigation = await NavigationAsync(client);

        Assert.That(navigation, Does.Contain("Reports hub"));
        Assert.That(navigation, Does.Not.Contain("Audit export"));
    }
}
