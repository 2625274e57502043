// Why: people trying the site import recipes/demo.recipe.json with the CLI, as the README says; its fictional posts,
// case studies and events must land in the setup recipe's blog and taxonomies, show on the site, and a second
// import must add nothing.
using System.Net;
using System.Text.RegularExpressions;

namespace OneDigital.Site.Tests.Pages;

public sealed partial class DemoRecipeTests
{
    private static readonly string[] Setup =
    [
        "--OneDigital:Setup:AdminUserName=admin",
        "--OneDigital:Setup:AdminEmail=admin@example.test",
        "--OneDigital:Setup:AdminPassword=Admin-Pa55word!",
    ];

    private static string DemoRecipe => Path.Combine(TestContext.CurrentContext.TestDirectory, "recipes", "demo.recipe.json");

    [Test]
    public async Task The_demo_recipe_imports_with_the_CLI_shows_on_the_site_and_a_second_import_creates_nothing()
    {
        await using var store = TestSite.Create();
        int hubBefore;
        await using (var site = await store.StartAsync(Setup))
        {
            await site.SetupCompletion;
            hubBefore = await HubCountAsync(site);
        }

        var first = await store.RunAsync("import", DemoRecipe);
        var itemsAfterFirst = await store.CountItemsAsync();
        var second = await store.RunAsync("import", DemoRecipe);
        var itemsAfterSecond = await store.CountItemsAsync();

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(first.Out, Does.Contain("content items: 11 created"), first.ToString());
        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
        Assert.That(second.Out, Does.Contain("content items: 0 created"), second.ToString());
        Assert.That(itemsAfterSecond, Is.EqualTo(itemsAfterFirst), "the second import matched every item");

        await using var again = await store.StartAsync(Setup);
        await again.SetupCompletion;
        using var post = await again.Http.GetAsync("/blog/example-five-things-our-digital-champions-taught-us");
        var postHtml = await post.Content.ReadAsStringAsync();
        using var topic = await again.Http.GetAsync("/knowledge-hub?topic=working-with-learners");
        var topicHtml = await topic.Content.ReadAsStringAsync();
        var events = await again.Http.GetStringAsync("/events");
        var caseStudies = await again.Http.GetStringAsync("/case-studies?region=wales");
        var hubAfter = await HubCountAsync(again);

        Assert.Multiple(() =>
        {
            Assert.That(hubAfter, Is.EqualTo(hubBefore + 11), "4 posts, 3 case studies and 4 events");
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(postHtml, Does.Contain("fictional example content").And.Contain("href=\"/blog\">Back to the blog</a>"));
            Assert.That(postHtml, Does.Contain("Working with Digital Champions"), "its topics are the setup recipe's terms");
            Assert.That(topic.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(topicHtml, Does.Contain("Example: starting conversations about online banking"));
            Assert.That(topicHtml, Does.Not.Contain("Example: a library network in the Highlands"), "filtered by topic");
            Assert.That(events, Does.Contain("Example: autumn gathering of the Community of Practice"), "upcoming in 2027");
            Assert.That(caseStudies, Does.Contain("Example: job clubs that teach online forms").And.Not.Contain("Example: tablets and tea"));
        });
    }

    private static async Task<int> HubCountAsync(RunningSite site)
    {
        var html = await site.Http.GetStringAsync("/knowledge-hub");
        var match = Count().Match(html);
        Assert.That(match.Success, Is.True, "the hub shows its count");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("id=\"results\">[^<]*?(\\d+) items?<")]
    private static partial Regex Count();
}
