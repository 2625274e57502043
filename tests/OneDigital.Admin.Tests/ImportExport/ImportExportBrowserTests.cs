// Why: the journeys an administrator takes in Chromium, by keyboard-reachable links and buttons: Orchard's own blog
// recipe tried in a dry run (the store unchanged) and then imported with the page following its progress; a broken
// recipe refused; the site exported; the recipe's stored query run. Every page type passes axe-core.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.Admin.Tests.ImportExport;

public sealed class ImportExportBrowserTests : BrowserTest
{
    private string Shot(string name) => Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{name}.png");

    [Test]
    public async Task The_blog_recipe_is_tried_then_imported_then_the_site_is_exported_and_its_query_run()
    {
        var blog = RecipeRunner.OrchardRecipe("blog.recipe.json");
        await SignInAsync();

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import a recipe" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/import");
        await Axe.AssertNoViolationsAsync(Page);

        var before = await ImportSupport.SnapshotAsync(Site);
        await Page.GetByLabel("Recipe file").SetInputFilesAsync(blog);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload and try it" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Dry run: what the import would do" }).WaitForAsync();
        Assert.That(await Page.Locator("[data-testid=report-items] tr[data-type=BlogPost] [data-count=created]").InnerTextAsync(), Is.EqualTo("1"));
        Assert.That(await Page.Locator("[data-testid=report-steps]").InnerTextAsync(), Does.Contain("Stored, not applied"));
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.EqualTo(before), "the dry run changed nothing");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Shot("import-dry-run"), FullPage = true });

        await Page.GetByRole(AriaRole.Button, new() { Name = "Run import" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        // The page follows the import (import-progress.mjs) and shows the report once it has ended.
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Import complete" }).WaitForAsync(new() { Timeout = 120_000 });
        Assert.That(await Page.Locator("[data-testid=report-items] tr[data-type=BlogPost] [data-count=created]").InnerTextAsync(), Is.EqualTo("1"));
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.Not.EqualTo(before));
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Shot("import-done"), FullPage = true });

        // A broken recipe: the step and the JSON path, and no button to run it.
        var broken = Path.Combine(TestContext.CurrentContext.WorkDirectory, "broken.recipe.json");
        await File.WriteAllTextAsync(broken, ImportSupport.BrokenRecipe);
        var afterImport = await ImportSupport.SnapshotAsync(Site);
        await Page.GotoAsync("/admin/import");
        await Page.GetByLabel("Recipe file").SetInputFilesAsync(broken);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload and try it" }).ClickAsync();
        await Page.GetByText("This recipe cannot be imported").WaitForAsync();
        Assert.That(await Page.Locator("[data-testid=failed-path]").InnerTextAsync(), Is.EqualTo("steps[1].Data[0].ContentType"));
        Assert.That(await Page.GetByRole(AriaRole.Button, new() { Name = "Run import" }).CountAsync(), Is.Zero);
        Assert.That(await ImportSupport.SnapshotAsync(Site), Is.EqualTo(afterImport));
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Export the site" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Export the whole site" }).ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.That(exported, Does.Contain("\"RecentBlogPosts\""));

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Queries" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Run RecentBlogPosts" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Run query" }).ClickAsync();
        await Page.Locator("[data-testid=result-count]").WaitForAsync();
        Assert.That(await Page.Locator("[data-testid=result-items]").InnerTextAsync(), Does.Contain("BlogPost"));
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Shot("query-run"), FullPage = true });

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit the query" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Index (Lucene queries)").WaitForAsync();
        await Page.GotoAsync("/admin/queries/edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save query" }).ClickAsync();
        await Page.GetByText("There is a problem").WaitForAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GotoAsync("/admin/queries/delete?query=RecentBlogPosts");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
