// Why: on PostgreSQL the dry run is the live store's own transaction, rolled back: nothing it wrote may stay, in the
// store or in the site's caches (the schema, permissions and queries keyed on store versions), and the real import
// that follows writes it all.
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.ImportExport;

public sealed class ImportPostgresTests : AdminSiteTests
{
    protected override Task<AdminSite> StartSiteAsync() => AdminSite.StartPostgresAsync();

    [Test]
    public async Task The_dry_run_rolls_back_everything_and_the_import_then_writes_it()
    {
        var recipe = ImportSupport.GadgetsRecipe.Replace("\"steps\": [", """
            "steps": [
              { "name": "queries", "Queries": [ { "Source": "Sql", "Name": "AllGadgets", "Template": "SELECT * FROM ContentItemIndex WHERE ContentType = 'Gadget'", "ReturnContentItems": true } ] },
            """, StringComparison.Ordinal);
        var before = await ImportSupport.SnapshotAsync(Site);

        var page = await ImportSupport.UploadReadyAsync(Admin, "gadgets.recipe.json", recipe);
        var dryRun = ImportSupport.Text(await Admin.HtmlAsync(page));

        Assert.That(dryRun, Does.Contain("Gadget 2 0 0"));
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.EqualTo(before));
        Assert.That(ImportSupport.Text(await Admin.HtmlAsync("/admin/queries")), Does.Not.Contain("AllGadgets"), "the query the dry run stored is gone");
        Assert.That(ImportSupport.Text(await Admin.HtmlAsync("/admin/content")), Does.Not.Contain("Sprocket"));

        Assert.That(await ImportSupport.RunAndWaitAsync(Admin, page), Is.EqualTo("Done"), ImportSupport.Text(await Admin.HtmlAsync(page)));
        Assert.That(ImportSupport.Text(await Admin.HtmlAsync("/admin/queries")), Does.Contain("AllGadgets"));
        var run = ImportSupport.Text(await Admin.HtmlAsync("/admin/queries/run?query=AllGadgets&run=1"));
        Assert.That(run, Does.Contain("2 results"));
    }
}
