// Why: an Orchard site's Templates step restyles its pages; here it overrides the theme's template of the same shape,
// and cached pages must follow a change of the overrides as they follow a change of the theme's files.
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes;
using OneDigital.Site.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.Site.Tests.Theme;

public sealed class TemplateOverrideTests
{
    private static string Templates(string heading) => $$$"""
        { "name": "OrchardTemplates", "steps": [ { "name": "Templates", "Templates": {
          "Content__BlogPost": { "Content": "<h1 class=\"govuk-heading-xl\">{{{heading}}}</h1><p>{{ Page.Title }}</p>", "Description": "A post" },
          "Content_Summary__BlogPost": { "Content": "<p class=\"override-summary\">Summary of {{ Model.DisplayText }}</p>", "Description": "" } } } ] }
        """;

    private static async Task ImportAsync(ReadersSite site, string json)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(json, "."), RecipeRunner.Parameters);
    }

    private static async Task<string> WaitForAsync(ReadersSite site, string path, string expected)
    {
        var clock = Stopwatch.StartNew();
        string html;
        do
        {
            html = await site.GetStringAsync(path);
        }
        while (!html.Contains(expected, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(5));
        return html;
    }

    [Test]
    public async Task A_recipe_template_overrides_the_themes_and_a_changed_one_moves_the_cache_key()
    {
        await using var site = await ReadersSite.StartAsync();
        var blogId = await site.IdAtAsync("blog");
        var post = await site.CreateAsync("BlogPost", "Budgeting with champions", publish: true, "Body.",
            item => item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = blogId);
        var path = "/" + post.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        await site.GetStringAsync(path);
        using (var cached = await site.Http.GetAsync(path))
        {
            Assert.That(cached.Headers.Age, Is.Not.Null, "the theme's page is cached");
        }

        await ImportAsync(site, Templates("Overridden post"));
        var overridden = await WaitForAsync(site, path, "Overridden post");
        await ImportAsync(site, Templates("Changed again"));
        var changed = await WaitForAsync(site, path, "Changed again");
        var blog = await WaitForAsync(site, "/blog", "override-summary");

        Assert.Multiple(() =>
        {
            Assert.That(overridden, Does.Contain("<h1 class=\"govuk-heading-xl\">Overridden post</h1><p>Budgeting with champions</p>"));
            Assert.That(changed, Does.Contain(">Changed again</h1>"));
            Assert.That(changed, Does.Contain("<html"), "still in the theme's layout");
            Assert.That(blog, Does.Contain("<p class=\"override-summary\">Summary of Budgeting with champions</p>"));
        });
    }
}
