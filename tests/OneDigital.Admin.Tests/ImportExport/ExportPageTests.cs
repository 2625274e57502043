// Why: the export is the administrator's copy of the site: the whole of it, or the kinds and content types chosen,
// through the CLI's exporter, audited; and what it writes imports into a fresh site with the same types and items.
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.ImportExport;

public sealed class ExportPageTests : AdminSiteTests
{
    protected override async Task PrepareAsync()
    {
        var page = await ImportSupport.UploadReadyAsync(Admin, "gadgets.recipe.json", ImportSupport.GadgetsRecipe);
        Assert.That(await ImportSupport.RunAndWaitAsync(Admin, page), Is.EqualTo("Done"));
    }

    private async Task<JsonObject> ExportAsync(params (string Name, string Value)[] fields)
    {
        using var response = await Admin.PostFormAsync("/admin/export", fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<string> StepNames(JsonObject recipe) => [.. recipe["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>())];

    private static async Task<List<string>> ItemsAsync(AdminSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var items = new List<string>();
        await foreach (var item in scope.ServiceProvider.GetRequiredService<ContentQuery>().StreamCurrentVersionsAsync())
        {
            items.Add($"{item.ContentItemId}|{item.ContentType}|{item.DisplayText}|{item.Published}");
        }
        return [.. items.Distinct().Order()];
    }

    private static async Task<List<string>> TypesAsync(AdminSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync()).ContentTypes.Select(t => t.Name).Order()];
    }

    [Test]
    public async Task The_whole_site_exports_every_kind_with_the_stored_steps_last_and_is_audited()
    {
        var recipe = await ExportAsync(("scope", "all"));
        var steps = StepNames(recipe);

        Assert.That(steps, Is.SupersetOf(new[] { "feature", "Roles", "ContentDefinition", "content", "settings", "CreateOrUpdateIndexProfile", "layers" }));
        Assert.That(steps[^1], Is.EqualTo("layers"), "steps kept from imports come back last");
        Assert.That(recipe["steps"]!.AsArray().First(s => s!["name"]!.GetValue<string>() == "content")!["Data"]!.AsArray()
            .Select(i => i!["ContentType"]!.GetValue<string>()), Does.Contain("Gadget").And.Contain("Blog"));
        Assert.That(ImportSupport.Text(await Admin.HtmlAsync("/admin/audit")), Does.Contain("the whole site"));
    }

    [Test]
    public async Task A_selection_exports_only_the_chosen_kinds_and_the_items_of_the_chosen_types()
    {
        var recipe = await ExportAsync(("scope", "selection"), ("kinds", "definitions"), ("kinds", "content"), ("types", "Gadget"));

        Assert.That(StepNames(recipe), Is.EqualTo(new[] { "ContentDefinition", "content" }));
        var items = recipe["steps"]![1]!["Data"]!.AsArray();
        Assert.That(items.Select(i => i!["DisplayText"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Sprocket", "Flange" }));
    }

    [Test]
    public async Task A_selection_with_nothing_chosen_is_refused_on_the_form()
    {
        using var nothing = await Admin.PostFormAsync("/admin/export", [new("scope", "selection")]);
        Assert.That(nothing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ImportSupport.Text(await nothing.Content.ReadAsStringAsync()), Does.Contain("Select what to export"));

        using var noTypes = await Admin.PostFormAsync("/admin/export", [new("scope", "selection"), new("kinds", "content")]);
        Assert.That(noTypes.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ImportSupport.Text(await noTypes.Content.ReadAsStringAsync()), Does.Contain("Select the content types whose items to export"));
    }

    [Test]
    public async Task An_export_imported_into_a_fresh_site_gives_it_the_same_types_and_items()
    {
        using var response = await Admin.PostFormAsync("/admin/export", [new("scope", "all")]);
        var export = await response.Content.ReadAsStringAsync();
        var exportedItems = await ItemsAsync(Site);

        await using var fresh = await AdminSite.StartAsync();
        using var admin = await fresh.SignedInAdminAsync();
        var page = await ImportSupport.UploadReadyAsync(admin, "site.recipe.json", export);
        var dryRun = ImportSupport.Text(await admin.HtmlAsync(page));
        Assert.That(dryRun, Does.Contain("Gadget 2 0 0"), dryRun);
        Assert.That(await ImportSupport.RunAndWaitAsync(admin, page), Is.EqualTo("Done"), ImportSupport.Text(await admin.HtmlAsync(page)));

        Assert.That(await TypesAsync(fresh), Is.EqualTo(await TypesAsync(Site)));
        Assert.That(await ItemsAsync(fresh), Is.SupersetOf(exportedItems), "every exported item, by id, type and display text");
    }
}
