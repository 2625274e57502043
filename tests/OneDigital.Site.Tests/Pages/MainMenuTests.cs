// Why: editors arrange the site's navigation in the admin's menu tree; readers see that menu, in its order, at once.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Features;
using OneDigital.Content.Items;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Pages;

public sealed partial class MainMenuTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private static string[] NavTexts(string html) =>
        [.. NavLink().Matches(html[html.IndexOf("id=\"navigation\"", StringComparison.Ordinal)..html.IndexOf("</ul>", html.IndexOf("id=\"navigation\"", StringComparison.Ordinal), StringComparison.Ordinal)])
            .Select(m => Regex.Replace(m.Groups["text"].Value, "<[^>]+>", ""))];

    private static JsonObject Link(string text, string url) => new()
    {
        ["ContentItemId"] = Guid.NewGuid().ToString("N"), ["ContentType"] = "LinkMenuItem", ["DisplayText"] = text,
        ["LinkMenuItemPart"] = new JsonObject { ["Name"] = text, ["Url"] = url },
    };

    [Test]
    public async Task Without_a_main_menu_the_theme_links_show_then_the_published_main_menu_replaces_them_in_its_order()
    {
        Assert.That(NavTexts(await _site.GetStringAsync("/")), Does.Contain("Knowledge Hub").And.Contain("Share your learning"));

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnabledFeatures>().ChangeAsync(["OrchardCore.Menu"], []);
        }
        var about = await _site.IdAtAsync("about-the-community-of-practice");
        var menu = await _site.CreateAsync("Menu", "Main menu", publish: true, change: item =>
        {
            item.GetOrCreatePart("AliasPart")["Alias"] = "main-menu";
            item.GetOrCreatePart("MenuItemsListPart")["MenuItems"] = new JsonArray(
                Link("Events", "~/events"),
                new JsonObject
                {
                    ["ContentItemId"] = Guid.NewGuid().ToString("N"), ["ContentType"] = "ContentMenuItem", ["DisplayText"] = "About us",
                    ["ContentMenuItemPart"] = new JsonObject { ["SelectedContentItem"] = new JsonObject { ["ContentItemIds"] = new JsonArray(about) } },
                },
                Link("Unsafe", "javascript:alert(1)"),
                Link("Partner site", "https://partner.example/"));
        });

        var html = await _site.GetStringAsync("/events");
        Assert.That(NavTexts(html), Is.EqualTo(new[] { "Events", "About us", "Partner site" }), "menu order; unsafe links left out");
        Assert.That(html, Does.Contain("href=\"/events\" aria-current=\"page\"").And.Contain("href=\"/about-the-community-of-practice\">About us</a>"));

        await _site.WithContentAsync(async manager =>
        {
            var draft = await manager.GetAsync(menu.ContentItemId, VersionOptions.DraftRequired);
            var items = (JsonArray)draft!.Part("MenuItemsListPart")!["MenuItems"]!;
            var first = items[0]!;
            items.RemoveAt(0);
            items.Add(first);
            await manager.PublishAsync(draft);
            return 0;
        });
        Assert.That(NavTexts(await _site.GetStringAsync("/events")), Is.EqualTo(new[] { "About us", "Partner site", "Events" }), "a republished menu shows at once");
    }

    [GeneratedRegex("<a class=\"govuk-service-navigation__link\" href=\"[^\"]*\"[^>]*>(?<text>.*?)</a>")]
    private static partial Regex NavLink();
}
