using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Search.Queries;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Queries;

/// <summary>Orchard's blog recipes end to end: imported, indexed by the index side, and queried by name.</summary>
public sealed class OrchardBlogQueryTests
{
    [Test]
    public async Task Recent_blog_posts_come_back_newest_first_from_the_stored_lucene_query()
    {
        var blog = RecipeRunner.OrchardRecipe("blog.recipe.json");
        var search = RecipeRunner.OrchardRecipe("blog.lucene.search.recipe.json");
        var query = RecipeRunner.OrchardRecipe("blog.lucene.query.recipe.json");
        await using var store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: services =>
            services.AddOneDigitalSearch(new ConfigurationBuilder().Build()).AddSearchQueries());
        await store.ImportFileAsync(blog);
        await store.ImportFileAsync(search);
        await store.ImportFileAsync(query);

        await using var scope = store.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<StoredQueries>().RunAsync("RecentBlogPosts", null);
        var posts = result.ContentItems!;
        Assert.That(posts, Is.Not.Empty);
        Assert.That(posts.Select(p => p.ContentType), Is.All.EqualTo("BlogPost"));
        Assert.That(posts.Select(p => p.CreatedUtc), Is.Ordered.Descending);
        Assert.That(result.Count, Is.GreaterThanOrEqualTo(posts.Count));
    }
}
