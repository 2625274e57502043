// Why: an administrator imports through the same all-or-nothing engine as the CLI: a dry run first that keeps nothing
// (not on SQLite's copy, not in the store), then the real run in the background, and a broken recipe names its step
// and JSON path and changes nothing.
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Tests.ImportExport;

public sealed class ImportPageTests : AdminSiteTests
{
    private const string Password = "Someone-Pa55word!";

    protected override Task PrepareAsync() => Site.AddUserAsync("editor", Password, "Editor");

    private string DataDir => Site.Services.GetRequiredService<StoreOptions>().DataDir;

    private async Task<string?> DisplayTextAsync(string id)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetLatestAsync(id))?.DisplayText;
    }

    [Test]
    public async Task A_dry_run_reports_items_by_type_definitions_and_stored_steps_and_changes_nothing()
    {
        var before = await ImportSupport.SnapshotAsync(Site);

        var page = await ImportSupport.UploadReadyAsync(Admin, "gadgets.recipe.json", ImportSupport.GadgetsRecipe);
        var html = await Admin.HtmlAsync(page);
        var text = ImportSupport.Text(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Dry run: what the import would do"));
            Assert.That(html, Does.Contain("data-type=\"Gadget\""));
            Assert.That(text, Does.Contain("Gadget 2 0 0"), "two Gadgets to create, none to update");
            Assert.That(text, Does.Contain("content type 'Gadget' added"));
            Assert.That(text, Does.Contain("3 layers Stored, not applied"));
            Assert.That(text, Does.Contain("Run import"));
        });
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.EqualTo(before), "the dry run left the store as it was");
        Assert.That(await DisplayTextAsync("4gadget0000000000000000001"), Is.Null);
        Assert.That(Directory.Exists(Path.Combine(DataDir, "Imports")) ? Directory.GetFiles(Path.Combine(DataDir, "Imports")) : [], Is.Empty,
            "the dry run's copy of the store was deleted");
    }

    [Test]
    public async Task Running_the_import_writes_what_the_dry_run_showed_audits_it_and_deletes_the_upload()
    {
        var page = await ImportSupport.UploadReadyAsync(Admin, "gadgets-run.recipe.json", ImportSupport.GadgetsRecipe.Replace("\"gadgets\"", "\"gadgets-run\"", StringComparison.Ordinal));

        var stage = await ImportSupport.RunAndWaitAsync(Admin, page);
        var text = ImportSupport.Text(await Admin.HtmlAsync(page));

        Assert.That(stage, Is.EqualTo("Done"), text);
        Assert.That(text, Does.Contain("Import complete"));
        Assert.That(await DisplayTextAsync("4gadget0000000000000000001"), Is.EqualTo("Sprocket"));
        Assert.That(await DisplayTextAsync("4gadget0000000000000000002"), Is.EqualTo("Flange"));
        var audit = ImportSupport.Text(await Admin.HtmlAsync("/admin/audit"));
        Assert.That(audit, Does.Contain("recipe 'gadgets-run'"));
        Assert.That(Directory.GetDirectories(Path.Combine(DataDir, "AdminImports")).Where(d => page.EndsWith(Path.GetFileName(d), StringComparison.Ordinal)), Is.Empty,
            "the uploaded file is deleted once imported");

        // The same recipe again updates, creates nothing: the dry run says so.
        var again = ImportSupport.Text(await Admin.HtmlAsync(await ImportSupport.UploadReadyAsync(Admin, "gadgets-run.recipe.json",
            ImportSupport.GadgetsRecipe.Replace("\"gadgets\"", "\"gadgets-run\"", StringComparison.Ordinal))));
        Assert.That(again, Does.Contain("Gadget 0 0 2"), "both items unchanged");
    }

    [Test]
    public async Task A_broken_step_is_named_with_its_JSON_path_cannot_be_run_and_changes_nothing()
    {
        var before = await ImportSupport.SnapshotAsync(Site);

        var page = await ImportSupport.UploadReadyAsync(Admin, "broken.recipe.json", ImportSupport.BrokenRecipe);
        var html = await Admin.HtmlAsync(page);
        var text = ImportSupport.Text(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("This recipe cannot be imported"));
            Assert.That(text, Does.Contain("Step 2 (content)"));
            Assert.That(text, Does.Contain("steps[1].Data[0].ContentType"));
            Assert.That(text, Does.Contain("The item has no ContentType."));
            Assert.That(text, Does.Not.Contain("Run import"));
        });
        using (var run = await Admin.PostFormAsync("/admin/import", [], $"{page}?handler=Run"))
        {
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a refused recipe's run only shows its page again");
        }
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.EqualTo(before));
    }

    [TestCase("notes.txt", "hello", "must be a recipe (.json) or a zip")]
    [TestCase("bad.json", "{ \"steps\": [ ", "The selected file is not a recipe: The recipe is not valid JSON")]
    [TestCase("nosteps.json", "{ \"name\": \"x\" }", "A recipe must have a 'steps' array.")]
    [TestCase("fake.zip", "not a zip", "The selected file is not a zip file.")]
    public async Task A_file_that_is_not_a_recipe_is_refused_on_the_form(string fileName, string content, string message)
    {
        using var response = await ImportSupport.UploadAsync(Admin, fileName, content);
        var text = ImportSupport.Text(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(text, Does.Contain("There is a problem"));
        Assert.That(text, Does.Contain(message));
    }

    [Test]
    public async Task A_zip_with_Recipe_json_imports_the_media_it_holds_and_one_reaching_outside_its_folder_is_refused()
    {
        var recipe = """
            { "name": "zipped", "steps": [ { "name": "media", "Files": [ { "SourcePath": "files/notes.txt", "TargetPath": "zipped/notes.txt" } ] } ] }
            """;
        using (var upload = await ImportSupport.UploadAsync(Admin, "package.zip", Zip(("Recipe.json", recipe), ("files/notes.txt", "Hello from the zip"))))
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await upload.Content.ReadAsStringAsync());
            var page = upload.Headers.Location!.ToString();
            Assert.That(File.Exists(Path.Combine(DataDir, "Media", "zipped", "notes.txt")), Is.False, "the dry run copied no file");
            Assert.That(await ImportSupport.RunAndWaitAsync(Admin, page), Is.EqualTo("Done"));
        }
        Assert.That(await File.ReadAllTextAsync(Path.Combine(DataDir, "Media", "zipped", "notes.txt")), Is.EqualTo("Hello from the zip"));

        using var outside = await ImportSupport.UploadAsync(Admin, "evil.zip", Zip(("Recipe.json", recipe), ("../escaped.txt", "out")));
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ImportSupport.Text(await outside.Content.ReadAsStringAsync()), Does.Contain("holds a path outside its own folder ('../escaped.txt')"));
        Assert.That(File.Exists(Path.Combine(DataDir, "AdminImports", "escaped.txt")), Is.False);
    }

    [Test]
    public async Task Only_holders_of_Import_may_open_the_import_pages()
    {
        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);

        Assert.That((await editor.GetAsync("/admin/import")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await editor.GetAsync("/admin/export")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = await ImportSupport.UploadReadyAsync(Admin, "gadgets-perm.recipe.json", ImportSupport.GadgetsRecipe);
        Assert.That((await editor.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await editor.GetAsync($"{page}/status")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Admin.GetAsync("/admin/import/00000000000000000000000000000000")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }
}
