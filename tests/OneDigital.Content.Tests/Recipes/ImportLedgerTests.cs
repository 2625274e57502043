using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>
/// An import never overwrites unrelated content: only items an earlier run of the same recipe created (its ledger)
/// or an explicit id are updated; a path another item holds gets a unique one.
/// </summary>
public class ImportLedgerTests
{
    // A community recipe in Orchard's format whose Blog sits at the One Digital Blog's path and has its title.
    private const string ForeignBlog = """
        {
          "name": "CommunityBlog",
          "variables": { "blogId": "[js: uuid()]", "postId": "[js: uuid()]" },
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Article", "DisplayName": "Article", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart",
                  "Settings": { "AutoroutePartSettings": { "AllowCustomPath": true, "Pattern": "{{ Model.ContentItem | display_text | slugify }}" } } } ] } ] },
            { "name": "content", "Data": [
              { "ContentItemId": "[js: variables('blogId')]", "ContentType": "Blog", "DisplayText": "Blog", "Latest": true, "Published": true,
                "Owner": "[js: parameters('AdminUserId')]", "TitlePart": { "Title": "Blog" }, "AutoroutePart": { "Path": "blog" }, "ListPart": {} },
              { "ContentItemId": "[js: variables('postId')]", "ContentType": "Article", "DisplayText": "Hello from the community", "Latest": true, "Published": true,
                "TitlePart": { "Title": "Hello from the community" }, "AutoroutePart": { "Path": "blog/hello" } } ] }
          ]
        }
        """;

    [Test]
    public async Task A_foreign_recipe_beside_the_one_digital_content_changes_none_of_its_items_and_re_imports_create_nothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportFileAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "recipes", "onedigital.recipe.json"));
        var oneDigital = await ItemRowsAsync(store);

        var first = await store.ImportAsync(ForeignBlog);
        var afterFirst = await ItemRowsAsync(store);
        var second = await store.ImportAsync(ForeignBlog);
        var third = await store.ImportAsync(ForeignBlog);
        var afterThird = await ItemRowsAsync(store);

        ContentItem foreignBlog;
        await using (var scope = store.Scope())
        {
            var blogs = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking().Where(r => r.ContentType == "Blog" && r.Published).ToListAsync();
            foreignBlog = ContentItemStore.ToItem(blogs.Single(r => !oneDigital.ContainsKey(r.ContentItemId)));
        }
        Assert.Multiple(() =>
        {
            Assert.That(oneDigital.Keys.ToDictionary(id => id, id => afterThird[id]), Is.EqualTo(oneDigital), "every One Digital item is exactly as it was");
            Assert.That(first.ItemsCreated, Is.EqualTo(2));
            Assert.That(foreignBlog.Part("AutoroutePart")!["Path"]!.GetValue<string>(), Is.EqualTo("blog-1"));
            Assert.That(first.Warnings, Has.One.Contains("steps[1].Data[0]").And.Contains("'blog'").And.Contains("'blog-1'"));
            Assert.That((second.ItemsCreated, third.ItemsCreated), Is.EqualTo((0, 0)));
            Assert.That(afterThird.Keys, Is.EquivalentTo(afterFirst.Keys), "re-imports update the items the first run created");
            Assert.That(third.Warnings, Has.All.Contains("'blog-1'"), "the recipe's Blog keeps the path it was given");
        });
    }

    [Test]
    public async Task An_item_with_an_explicit_id_that_exists_is_updated_as_orchard_does()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(Page("First", "Welcome"));

        var report = await store.ImportAsync(Page("Second", "Welcome, again"));

        await using var scope = store.Scope();
        var item = await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Querying.ContentQuery>().GetPublishedAsync("page-1");
        Assert.That((report.ItemsUpdated, item!.DisplayText), Is.EqualTo((1, "Welcome, again")));
    }

    [Test]
    public async Task An_item_an_earlier_run_created_and_an_editor_removed_is_created_again()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(ForeignBlog);
        await using (var scope = store.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var articleId = await db.ContentItems.Where(r => r.ContentType == "Article").Select(r => r.ContentItemId).FirstAsync();
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.RemoveAsync((await manager.GetAsync(articleId, VersionOptions.Latest))!);
        }

        var again = await store.ImportAsync(ForeignBlog);

        Assert.That(again.ItemsCreated, Is.EqualTo(1));
    }

    [Test]
    public async Task A_published_and_a_draft_version_of_one_item_in_a_step_import_together()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync("""
            { "name": "Versions", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "Settings": { "ContentTypeSettings": { "Draftable": true } }, "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
              { "name": "content", "Data": [
                { "ContentItemId": "page-1", "ContentItemVersionId": "v1", "ContentType": "Page", "DisplayText": "Live", "Latest": false, "Published": true, "TitlePart": { "Title": "Live" } },
                { "ContentItemId": "page-1", "ContentItemVersionId": "v2", "ContentType": "Page", "DisplayText": "Draft", "Latest": true, "Published": false, "TitlePart": { "Title": "Draft" } } ] } ] }
            """);

        Assert.That(report.ItemsCreated + report.ItemsUpdated, Is.EqualTo(2));
    }

    [Test]
    public async Task Re_importing_the_setup_recipe_of_a_store_set_up_before_the_ledger_updates_its_items_instead_of_duplicating_them()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(ForeignBlog);
        await using (var scope = store.Scope())
        {
            // As a store set up before the ledger: a Setup document naming the recipe, and no ledger entries.
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            await db.Set<RecipeItemLedgerEntry>().ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(SetupRunItems.SetupDocumentName,
                new System.Text.Json.Nodes.JsonObject { ["Recipe"] = "CommunityBlog", ["SetUpUtc"] = DateTime.UtcNow.AddMinutes(-1) });
        }
        var before = await ItemRowsAsync(store);

        var again = await store.ImportAsync(ForeignBlog);
        var third = await store.ImportAsync(ForeignBlog);

        Assert.Multiple(async () =>
        {
            Assert.That((again.ItemsCreated, third.ItemsCreated), Is.EqualTo((0, 0)));
            Assert.That((await ItemRowsAsync(store)).Keys, Is.EquivalentTo(before.Keys));
            Assert.That(again.Warnings, Has.Exactly(2).Contains("before the import ledger existed"));
            Assert.That(third.Warnings, Has.None.Contains("before the import ledger existed"), "the ledger knows them now");
        });
    }

    [Test]
    public async Task Without_the_setup_record_naming_it_a_recipe_with_no_ledger_entries_creates_its_items_anew()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(ForeignBlog);
        await using (var scope = store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<RecipeItemLedgerEntry>().ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(SetupRunItems.SetupDocumentName,
                new System.Text.Json.Nodes.JsonObject { ["Recipe"] = "OneDigital", ["SetUpUtc"] = DateTime.UtcNow.AddMinutes(-1) });
        }

        var again = await store.ImportAsync(ForeignBlog);

        Assert.That(again.ItemsCreated, Is.EqualTo(2), "only the store's own setup recipe is matched by title, never another recipe");
    }

    [Test]
    public async Task An_item_the_setup_made_twice_under_one_title_is_not_guessed_at_and_the_report_says_so()
    {
        const string twins = """
            { "name": "Twins", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
              { "name": "content", "Data": [ { "ContentItemId": "[js: uuid()]", "ContentType": "Page", "DisplayText": "Welcome", "Latest": true, "Published": true, "TitlePart": { "Title": "Welcome" } } ] } ] }
            """;
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(twins);
        await using (var scope = store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<RecipeItemLedgerEntry>().ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(SetupRunItems.SetupDocumentName,
                new System.Text.Json.Nodes.JsonObject { ["Recipe"] = "Twins", ["SetUpUtc"] = DateTime.UtcNow.AddMinutes(-1) });
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var twin = await manager.NewAsync("Page");
            twin.DisplayText = "Welcome";
            twin.GetOrCreatePart("TitlePart")["Title"] = "Welcome";
            await manager.CreateAsync(twin, publish: true);
        }

        var again = await store.ImportAsync(twins);

        Assert.That(again.ItemsCreated, Is.EqualTo(1));
        Assert.That(again.Warnings, Has.One.Contains("cannot be told apart").And.Contains("steps[1].Data[0]"));
    }

    private static string Page(string recipe, string title) => $$"""
        { "name": "{{recipe}}", "steps": [
          { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
          { "name": "content", "Data": [ { "ContentItemId": "page-1", "ContentType": "Page", "DisplayText": "{{title}}", "Latest": true, "Published": true, "TitlePart": { "Title": "{{title}}" } } ] } ] }
        """;

    /// <summary>Each live item's current rows: version id, flags and document.</summary>
    private static async Task<Dictionary<string, string>> ItemRowsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.Latest || r.Published).OrderBy(r => r.Id).ToListAsync();
        return rows.GroupBy(r => r.ContentItemId).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(r => $"{r.ContentItemVersionId}|{r.Latest}|{r.Published}|{r.Document}")));
    }
}
