using System.Text.Json.Nodes;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Orchard;

/// <summary>Orchard's documented example queries (ORCHARD-SPEC §2.10, corrected forms) against its blog recipe.</summary>
public class OrchardExampleQueryTests
{
    private const string PostTitle = "Man must explore, and this is exploration at its greatest";
    private GraphQLTestSite _site = null!;

    [OneTimeSetUp]
    public async Task ImportBlog()
    {
        var recipe = RecipeRunner.OrchardRecipe("blog.recipe.json");
        // Orchard's blog recipe makes Blog Securable and shows it to anonymous readers: Orchard's permission rule.
        _site = await GraphQLTestSite.CreateAsync(settings: new Dictionary<string, string?> { ["OneDigital:Security:SecurableTypesNeedTypePermission"] = "false" });
        await _site.Store.ImportFileAsync(recipe);
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private static string[] Titles(JsonObject data, string field) =>
        [.. data[field]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>())];

    [Test]
    public async Task Listing_blog_posts_returns_their_ids_and_titles()
    {
        var data = await _site.DataAsync("query { blogPost { contentItemId displayText } }");
        Assert.That(Titles(data, "blogPost"), Is.EqualTo(new[] { PostTitle }));
        Assert.That(data["blogPost"]![0]!["contentItemId"]!.GetValue<string>(), Has.Length.GreaterThan(0));
    }

    [Test]
    public async Task Blog_posts_carry_their_path()
    {
        var data = await _site.DataAsync("{ blogPost { displayText autoroutePart { path } } }");
        Assert.That(data["blogPost"]![0]!["autoroutePart"]!["path"]!.GetValue<string>(), Is.EqualTo("blog/post-1"));
    }

    [Test]
    public async Task Ordering_by_publication_date_then_title_is_accepted()
    {
        var data = await _site.DataAsync("query { blogPost(orderBy: { publishedUtc: DESC, displayText: ASC }) { contentItemId displayText publishedUtc } }");
        Assert.That(Titles(data, "blogPost"), Is.EqualTo(new[] { PostTitle }));
    }

    [Test]
    public async Task Drafts_are_empty_for_anonymous_callers_and_listed_for_editors()
    {
        await _site.CreateAsync("BlogPost", i => i.DisplayText = "A draft post", publish: false);
        var anonymous = await _site.DataAsync("query { blogPost(status: DRAFT) { contentItemId displayText publishedUtc } }");
        var admin = await _site.DataAsync("query { blogPost(status: DRAFT) { contentItemId displayText publishedUtc } }", GraphQLTestSite.Administrator);
        Assert.Multiple(() =>
        {
            Assert.That(Titles(anonymous, "blogPost"), Is.Empty);
            Assert.That(Titles(admin, "blogPost"), Does.Contain("A draft post").And.Not.Contain(PostTitle));
        });
    }

    [Test]
    public async Task Filtering_by_a_list_of_titles_returns_the_matching_posts()
    {
        var none = await _site.DataAsync("""query { blogPost(where: { displayText_in: ["My biggest Adventure", "My latest Hobbies"] }) { contentItemId displayText publishedUtc } }""");
        var one = await _site.DataAsync($$"""query { blogPost(where: { displayText_in: ["My biggest Adventure", "{{PostTitle}}"] }) { displayText } }""");
        Assert.Multiple(() =>
        {
            Assert.That(Titles(none, "blogPost"), Is.Empty);
            Assert.That(Titles(one, "blogPost"), Is.EqualTo(new[] { PostTitle }));
        });
    }

    [Test]
    public async Task OR_of_AND_and_id_filters_as_documented()
    {
        var query = """
            query {
              blogPost(where: {
                OR: {
                  AND: { displayText_in: ["My biggest Adventure", "My latest Hobbies"], publishedUtc_gt: "2018" },
                  contentItemId: "417qsjrgv97e74wvp149h4da53"
                }
              }) { contentItemId displayText publishedUtc }
            }
            """;
        var data = await _site.DataAsync(query);
        Assert.That(Titles(data, "blogPost"), Is.Empty);
        var id = (await _site.DataAsync("{ blogPost { contentItemId } }"))["blogPost"]![0]!["contentItemId"]!.GetValue<string>();
        var byId = await _site.DataAsync(query.Replace("417qsjrgv97e74wvp149h4da53", id));
        Assert.That(Titles(byId, "blogPost"), Is.EqualTo(new[] { PostTitle }));
    }

    [Test]
    public async Task AND_takes_a_list_of_conditions()
    {
        var data = await _site.DataAsync("""{ blogPost(where: { AND: [{ displayText_contains: "explore" }, { createdUtc_lt: "2100-01-01T00:00:00Z" }] }) { displayText } }""");
        Assert.That(Titles(data, "blogPost"), Is.EqualTo(new[] { PostTitle }));
    }

    [Test]
    public async Task Part_filters_select_by_path()
    {
        var about = await _site.DataAsync("""{ article(where: { autoroutePart: { path_contains: "about" } }) { displayText } }""");
        var none = await _site.DataAsync("""{ blogPost(where: { autoroutePart: { path: "nowhere" } }) { displayText } }""");
        Assert.Multiple(() =>
        {
            Assert.That(Titles(about, "article"), Is.EqualTo(new[] { "About" }));
            Assert.That(Titles(none, "blogPost"), Is.Empty);
        });
    }

    [Test]
    public async Task A_single_item_by_id_resolves_through_fragments()
    {
        var id = (await _site.DataAsync("{ blogPost { contentItemId } }"))["blogPost"]![0]!["contentItemId"]!.GetValue<string>();
        var data = await _site.DataAsync($$"""{ contentItem(contentItemId: "{{id}}") { contentType displayText ... on BlogPost { markdownBodyPart { html } subtitle { text } } } }""");
        var item = data["contentItem"]!;
        Assert.Multiple(() =>
        {
            Assert.That(item["contentType"]!.GetValue<string>(), Is.EqualTo("BlogPost"));
            Assert.That(item["markdownBodyPart"]!["html"]!.GetValue<string>(), Does.StartWith("<p>Never in all their history"));
            Assert.That(item["subtitle"]!["text"]!.GetValue<string>(), Is.EqualTo("Problems look mighty small from 150 miles up"));
        });
    }

    [Test]
    public async Task Paging_with_first_and_skip()
    {
        var first = await _site.DataAsync("{ blogPost(first: 1) { displayText } }");
        var skipped = await _site.DataAsync("{ blogPost(first: 1, skip: 5) { displayText } }");
        Assert.Multiple(() =>
        {
            Assert.That(Titles(first, "blogPost"), Has.Length.EqualTo(1));
            Assert.That(Titles(skipped, "blogPost"), Is.Empty);
        });
    }

    [Test]
    public async Task The_blog_lists_its_posts_and_posts_resolve_their_tags_and_image()
    {
        var data = await _site.DataAsync("""
            {
              blog { displayText listPart { contentItems { displayText ... on BlogPost { containedPart { listContentItem { displayText } order }
                       tags { termContentItems { displayText } taxonomyContentItem { displayText } }
                       image { paths urls files { fileName url } } } } } }
            }
            """);
        var post = data["blog"]![0]!["listPart"]!["contentItems"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(post["displayText"]!.GetValue<string>(), Is.EqualTo(PostTitle));
            Assert.That(post["containedPart"]!["listContentItem"]!["displayText"]!.GetValue<string>(), Is.EqualTo("Blog"));
            Assert.That(post["tags"]!["termContentItems"]!.AsArray().Select(t => t!["displayText"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Earth", "Exploration", "Space" }));
            Assert.That(post["tags"]!["taxonomyContentItem"]!["displayText"]!.GetValue<string>(), Is.EqualTo("Tags"));
            Assert.That(post["image"]!["paths"]![0]!.GetValue<string>(), Is.EqualTo("post-bg.jpg"));
            Assert.That(post["image"]!["urls"]![0]!.GetValue<string>(), Is.EqualTo("/media/post-bg.jpg"));
            Assert.That(post["image"]!["files"]![0]!["fileName"]!.GetValue<string>(), Is.EqualTo("post-bg.jpg"));
        });
    }
}
