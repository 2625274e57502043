using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>Orchard Core's own recipes import unchanged.</summary>
public class OrchardRecipeImportTests
{
    [Test]
    public async Task The_blog_recipe_imports_its_types_items_taxonomies_and_menu()
    {
        var path = RecipeRunner.OrchardRecipe("blog.recipe.json");
        await using var store = await TestStore.CreateAsync();

        var report = await store.ImportFileAsync(path);

        await using var scope = store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        Assert.That(definitions.ContentTypes.Select(t => t.Name), Is.SupersetOf(new[] { "Blog", "BlogPost", "Taxonomy", "Tag", "Category", "Menu", "Article" }));
        var blogPost = definitions.Type("BlogPost")!;
        Assert.That(blogPost.TypeSettings.Draftable, Is.True);
        Assert.That(definitions.Part("BlogPost")!.Fields.Select(f => f.Name), Is.SupersetOf(new[] { "Subtitle", "Image", "Tags", "Category" }));

        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var items = await db.ContentItems.AsNoTracking().Where(r => r.Published).ToListAsync();
        var blog = items.Single(i => i.ContentType == "Blog");
        var post = ContentItemStore.ToItem(items.Single(i => i.ContentType == "BlogPost"));
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.ContentType), Is.SupersetOf(new[] { "Menu", "Taxonomy", "Blog", "BlogPost", "Article", "RawHtml" }));
            Assert.That(post.DisplayText, Is.EqualTo("Man must explore, and this is exploration at its greatest"));
            Assert.That(post.Owner, Is.EqualTo(RecipeRunner.Parameters.AdminUserId));
            Assert.That(post.Author, Is.EqualTo("admin"));
            Assert.That(post.Part("ContainedPart")!["ListContentItemId"]!.GetValue<string>(), Is.EqualTo(blog.ContentItemId));
            Assert.That(post.Part("AutoroutePart")!["Path"]!.GetValue<string>(), Is.EqualTo("blog/post-1"));
            Assert.That(items.Single(i => i.ContentType == "RawHtml").DisplayText, Is.EqualTo("Footer"), "the recipe's 'Displaytext' is read ignoring case");
        });

        var tags = ContentItemStore.ToItem(items.Single(i => i.DisplayText == "Tags"));
        var termIds = tags.Part("TaxonomyPart")!["Terms"]!.AsArray().Select(t => t!["ContentItemId"]!.GetValue<string>()).ToList();
        var postTags = post.Part("BlogPost")!["Tags"]!["TermContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.That(postTags, Is.EquivalentTo(termIds), "the post is tagged with the taxonomy's own term ids");

        var menu = ContentItemStore.ToItem(items.Single(i => i.ContentType == "Menu"));
        Assert.That(menu.Part("AliasPart")!["Alias"]!.GetValue<string>(), Is.EqualTo("main-menu"));
        Assert.That(menu.Part("MenuItemsListPart")!["MenuItems"]!.AsArray(), Has.Count.EqualTo(2));

        Assert.Multiple(() =>
        {
            Assert.That(report.StepsNotImplemented, Has.Some.Contains("layers").And.None.Contains("MediaProfiles"), "media profiles are applied");
            Assert.That(report.Warnings, Has.Some.Contains("Snippets/footer.html"));
            Assert.That(report.Warnings, Has.Some.Contains("home-bg.jpg"));
            Assert.That(report.FeaturesNotImplemented, Does.Contain("TheBlogTheme"));
        });
    }

    [Test]
    public async Task Importing_the_blog_recipe_twice_creates_no_duplicates()
    {
        var path = RecipeRunner.OrchardRecipe("blog.recipe.json");
        await using var store = await TestStore.CreateAsync();
        await store.ImportFileAsync(path);
        var first = await LiveItemsAsync(store);

        var second = await store.ImportFileAsync(path);

        Assert.That(await LiveItemsAsync(store), Is.EqualTo(first));
        Assert.That(second.ItemsCreated, Is.Zero);
    }

    [Test]
    public async Task The_headless_recipe_imports()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportFileAsync(RecipeRunner.OrchardRecipe("headless.recipe.json"));
        Assert.That(report.StepsRun, Has.Some.EndsWith("feature").And.Some.EndsWith("settings").And.Some.EndsWith("themes"));
    }

    [Test]
    public async Task The_lucene_query_recipe_runs_the_search_recipe_it_names_and_stores_the_query()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportFileAsync(RecipeRunner.OrchardRecipe("blog.recipe.json"));

        var report = await store.ImportFileAsync(RecipeRunner.OrchardRecipe("blog.lucene.query.recipe.json"));

        await using var scope = store.Scope();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var (queries, _) = await documents.GetAsync<OneDigital.Content.Queries.StoredQueriesDocument>("Queries");
        var query = queries.Queries["RecentBlogPosts"];
        var (indexes, _) = await documents.GetAsync<OneDigital.Content.Indexing.IndexProfilesDocument>("IndexProfiles");
        Assert.Multiple(() =>
        {
            Assert.That(report.StepsRun, Has.Some.EndsWith("lucene-index"), "the nested Blog.Lucene.Search recipe ran");
            Assert.That(query["Source"]!.GetValue<string>(), Is.EqualTo("Lucene"));
            Assert.That(query["Index"]!.GetValue<string>(), Is.EqualTo("Search"));
            Assert.That(query["Template"]!.GetValue<string>(), Does.Contain("BlogPost"), "the template was read from the Snippets file");
            Assert.That(query["Schema"]!.GetValue<string>(), Does.Contain("ContentItem/BlogPost"), "the schema was base64-decoded");
            Assert.That(query["Properties"]!["LuceneQueryMetadata"]!["Index"]!.GetValue<string>(), Is.EqualTo("Search"));
            Assert.That(indexes.Find("Search")!.Content.IndexedContentTypes, Does.Contain("BlogPost"));
            Assert.That(indexes.PendingActions.Select(a => a.Action), Does.Contain("Rebuild"));
        });
    }

    private static async Task<List<string>> LiveItemsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        return await db.ContentItems.AsNoTracking().Where(r => r.Latest || r.Published)
            .OrderBy(r => r.ContentType).ThenBy(r => r.DisplayText)
            .Select(r => r.ContentType + "|" + r.DisplayText + "|" + r.ContentItemId).ToListAsync();
    }
}
