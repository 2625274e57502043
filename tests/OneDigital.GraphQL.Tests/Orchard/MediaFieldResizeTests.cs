// Why: partners lay out images at their own sizes; GraphQL gives them the resize URL the media endpoint makes (with
// the editors' focal point on a crop) and a srcset, while a query without arguments answers as it always did.
using System.Text.Json.Nodes;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Orchard;

public class MediaFieldResizeTests
{
    private GraphQLTestSite _site = null!;

    [OneTimeSetUp]
    public async Task ImportBlog()
    {
        _site = await GraphQLTestSite.CreateAsync(settings: new Dictionary<string, string?> { ["OneDigital:Security:SecurableTypesNeedTypePermission"] = "false" });
        await _site.Store.ImportFileAsync(RecipeRunner.OrchardRecipe("blog.recipe.json"));
        await _site.CreateAsync("BlogPost", i =>
        {
            i.DisplayText = "Focused";
            i.GetOrCreatePart("BlogPost")["Image"] = new JsonObject
            {
                ["Paths"] = new JsonArray("photos/team day.jpg"),
                ["Anchors"] = new JsonArray(new JsonObject { ["X"] = 0.25, ["Y"] = 0.75 }),
            };
        });
        await _site.CreateAsync("BlogPost", i =>
        {
            i.DisplayText = "Centred";
            i.GetOrCreatePart("BlogPost")["Image"] = new JsonObject
            {
                ["Paths"] = new JsonArray("photos/plain.png"),
                ["Anchors"] = new JsonArray(new JsonObject { ["X"] = 0.5, ["Y"] = 0.5 }),
            };
        });
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private async Task<JsonNode> ImageAsync(string selection, string title = "Focused")
    {
        var data = await _site.DataAsync($$"""{ blogPost { displayText image { {{selection}} } } }""");
        return data["blogPost"]!.AsArray().Single(p => p!["displayText"]!.GetValue<string>() == title)!["image"]!;
    }

    private static string[] Strings(JsonNode node) => [.. node.AsArray().Select(n => n!.GetValue<string>())];

    [Test]
    public async Task Urls_without_arguments_are_the_originals_as_before()
    {
        var image = await ImageAsync("urls files { url }");

        Assert.Multiple(() =>
        {
            Assert.That(Strings(image["urls"]!), Is.EqualTo(new[] { "/media/photos/team day.jpg" }));
            Assert.That(image["files"]![0]!["url"]!.GetValue<string>(), Is.EqualTo("/media/photos/team day.jpg"));
        });
    }

    [Test]
    public async Task Urls_with_a_width_and_a_crop_give_the_resize_address_with_each_files_focal_point()
    {
        const string selection = """urls(width: 480, height: 240, mode: "crop", format: "webp")""";
        var focused = await ImageAsync(selection);
        var centred = await ImageAsync(selection, "Centred");

        Assert.Multiple(() =>
        {
            Assert.That(Strings(focused["urls"]!), Is.EqualTo(new[] { "/media/photos/team day.jpg?width=480&height=240&rmode=crop&rxy=0.25,0.75&format=webp" }));
            Assert.That(Strings(centred["urls"]!), Is.EqualTo(new[] { "/media/photos/plain.png?width=480&height=240&rmode=crop&format=webp" }));
        });
    }

    [Test]
    public async Task A_file_gives_its_url_at_a_size_and_a_srcset()
    {
        var image = await ImageAsync("""files(first: 1) { url(width: 1024) srcset(widths: [480, 1024], format: "webp") }""");
        var file = image["files"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(file["url"]!.GetValue<string>(), Is.EqualTo("/media/photos/team day.jpg?width=1024"));
            Assert.That(file["srcset"]!.GetValue<string>(), Is.EqualTo(
                "/media/photos/team day.jpg?width=480&format=webp 480w, /media/photos/team day.jpg?width=1024&format=webp 1024w"));
        });
    }

    [Test]
    public async Task A_width_outside_the_supported_sizes_is_an_error_naming_them()
    {
        var result = await _site.ExecuteAsync("""{ blogPost { image { urls(width: 500) } } }""");

        Assert.That(result["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("width must be one of the supported sizes"));
    }
}
