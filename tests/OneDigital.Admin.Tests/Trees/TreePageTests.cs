// Why: a taxonomy's terms and a menu's items are edited as a tree without JavaScript: each button saves a new version
// through ContentManager (published when the item is), and readers (GraphQL, the readers' site) see the new order; a
// stale page is refused with the conflict message, a used term is removed only after a warning, bad input gets the
// error summary, and only those who may edit the item may open the page.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Features;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.Trees;

public sealed class TreePageTests : AdminSiteTests
{
    private const string Password = "Editor-Pa55word!";

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("author", Password, "Author");
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EnabledFeatures>().ChangeAsync(["OrchardCore.Menu"], []);
    }

    [Test]
    public async Task Move_down_and_nest_publish_new_versions_that_GraphQL_and_the_readers_site_show_in_the_new_order()
    {
        var (taxonomy, terms) = await NewTaxonomyAsync("Moving topics", ["Alpha", "Bravo", "Charlie"]);
        var page = WebUtility.HtmlDecode(await Admin.HtmlAsync(TreeOf(taxonomy)));
        Assert.That(page, Does.Contain("Move<span class=\"govuk-visually-hidden\"> 'Alpha'</span> down"));
        Assert.That(page, Does.Not.Contain($"value=\"up:{terms[0]}\""), "the first term has no Move up");
        var versionsBefore = await VersionCountAsync(taxonomy);

        using var down = await PostAsync(taxonomy, $"down:{terms[0]}");
        Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(down.Headers.Location!.ToString(), Is.EqualTo($"{TreeOf(taxonomy)}?done=down&at={terms[0]}#node-{terms[0]}"));
        Assert.That(WebUtility.HtmlDecode(await Admin.HtmlAsync(down.Headers.Location.ToString())), Does.Contain("'Alpha' moved. The change is published."));
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Bravo", "Alpha", "Charlie" }));

        using var nest = await PostAsync(taxonomy, $"in:{terms[2]}");
        Assert.That(nest.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = (await Site.LatestAsync(taxonomy))!;
        var roots = (JsonArray)stored.Part("TaxonomyPart")!["Terms"]!;
        Assert.That(roots.Select(t => (string)t!["DisplayText"]!), Is.EqualTo(new[] { "Bravo", "Alpha" }));
        Assert.That(((JsonArray)roots[1]!["Terms"]!).Select(t => (string)t!["DisplayText"]!), Is.EqualTo(new[] { "Charlie" }), "Charlie is nested under Alpha");
        Assert.That(stored.Published, Is.True);
        Assert.That(await VersionCountAsync(taxonomy), Is.EqualTo(versionsBefore + 2), "each save is a new version");

        using var outdent = await PostAsync(taxonomy, $"out:{terms[2]}");
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Bravo", "Alpha", "Charlie" }));
        Assert.That(((JsonArray)(await Site.LatestAsync(taxonomy))!.Part("TaxonomyPart")!["Terms"]!).Count, Is.EqualTo(3), "Charlie is back at the top level");
    }

    [Test]
    public async Task The_readers_site_lists_the_topics_in_the_order_saved_here()
    {
        var (topics, terms) = await Site.TaxonomyAsync("Topics");
        var before = await SiteTopicOrderAsync(["Working with learners", "Working with Digital Champions"]);
        Assert.That(before, Is.EqualTo(new[] { "Working with learners", "Working with Digital Champions" }));

        using var response = await PostAsync(topics, $"up:{terms[1]}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await SiteTopicOrderAsync(["Working with learners", "Working with Digital Champions"]),
            Is.EqualTo(new[] { "Working with Digital Champions", "Working with learners" }));
    }

    [Test]
    public async Task A_dragged_arrangement_is_saved_whole_and_one_that_no_longer_matches_the_tree_is_refused()
    {
        var (taxonomy, terms) = await NewTaxonomyAsync("Dragged topics", ["Alpha", "Bravo", "Charlie"]);

        using var saved = await PostAsync(taxonomy, "arrange", [new("node", $"{terms[2]}:"), new("node", $"{terms[0]}:{terms[2]}"), new("node", $"{terms[1]}:")]);
        Assert.That(saved.Headers.Location!.ToString(), Does.Contain("done=arranged"));
        var roots = (JsonArray)(await Site.LatestAsync(taxonomy))!.Part("TaxonomyPart")!["Terms"]!;
        Assert.That(roots.Select(t => (string)t!["DisplayText"]!), Is.EqualTo(new[] { "Charlie", "Bravo" }));
        Assert.That(((JsonArray)roots[0]!["Terms"]!).Select(t => (string)t!["DisplayText"]!), Is.EqualTo(new[] { "Alpha" }));

        using var stale = await PostAsync(taxonomy, "arrange", [new("node", $"{terms[1]}:"), new("node", $"{terms[0]}:")]);
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("href=\"#tree\""));
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Charlie", "Alpha", "Bravo" }));
    }

    [Test]
    public async Task A_save_from_a_page_loaded_before_someone_else_saved_is_refused_with_the_conflict_message()
    {
        var (taxonomy, terms) = await NewTaxonomyAsync("Contested topics", ["Alpha", "Bravo"]);
        var html = await Admin.HtmlAsync(TreeOf(taxonomy));
        var loaded = EditorSupport.InputValue(html, "version")!;
        await Site.SaveAsAnotherEditorAsync(taxonomy, item => item.DisplayText = "Contested topics");

        using var response = await Admin.PostFormAsync(TreeOf(taxonomy), [new("version", loaded), new("op", $"down:{terms[0]}")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), Does.Contain("Someone else changed this taxonomy since you loaded this page"));
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Alpha", "Bravo" }));
    }

    [Test]
    public async Task Removing_a_term_that_items_use_warns_naming_them_and_removes_it_only_when_confirmed()
    {
        var (topics, terms) = await NewTaxonomyAsync("Used topics", ["Alpha", "Bravo"]);
        await Site.AlterDefinitionsAsync(store => store.AlterFieldAsync("BlogPost", "UsedTopics", "TaxonomyField", field =>
            field.Settings["TaxonomyFieldSettings"] = new JsonObject { ["TaxonomyContentItemId"] = topics }));
        await Site.CreateAsync("BlogPost", item =>
        {
            item.DisplayText = "Filed under Alpha";
            item.GetOrCreatePart("TitlePart")["Title"] = "Filed under Alpha";
            item.GetOrCreatePart("BlogPost")["UsedTopics"] = new JsonObject { ["TermContentItemIds"] = new JsonArray(terms[0]) };
        });

        using var warned = await PostAsync(topics, $"remove:{terms[0]}");
        var warning = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        Assert.That(warned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(warning, Does.Contain("1 item uses 'Alpha'").And.Contain("Filed under Alpha").And.Contain($"value=\"confirm-remove:{terms[0]}\""));
        Assert.That(await GraphQLTermsAsync(topics), Is.EqualTo(new[] { "Alpha", "Bravo" }), "nothing removed yet");

        using var unused = await PostAsync(topics, $"remove:{terms[1]}");
        Assert.That(unused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "an unused term goes at once");
        using var confirmed = await PostAsync(topics, $"confirm-remove:{terms[0]}");
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(WebUtility.HtmlDecode(await Admin.HtmlAsync(confirmed.Headers.Location!.ToString())), Does.Contain("'Alpha' removed."));
        Assert.That(await GraphQLTermsAsync(topics), Is.Empty);
    }

    [Test]
    public async Task Add_and_rename_a_term_and_an_empty_name_gets_the_error_summary()
    {
        var (taxonomy, terms) = await NewTaxonomyAsync("Growing topics", ["Alpha"]);

        using var empty = await PostAsync(taxonomy, "add", [new("name", " ")]);
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("href=\"#name\"").And.Contain("Enter the name of the new term"));

        using var added = await PostAsync(taxonomy, "add", [new("name", "Alpha child"), new("parent", terms[0])]);
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var alpha = (JsonObject)((JsonArray)(await Site.LatestAsync(taxonomy))!.Part("TaxonomyPart")!["Terms"]!)[0]!;
        var child = (JsonObject)((JsonArray)alpha["Terms"]!)[0]!;
        Assert.That((string?)child["DisplayText"], Is.EqualTo("Alpha child"));
        Assert.That((string?)child["ContentType"], Is.EqualTo("Topic"));
        Assert.That((string?)child["TermPart"]!["TaxonomyContentItemId"], Is.EqualTo(taxonomy));

        var renameForm = WebUtility.HtmlDecode(await Admin.HtmlAsync($"{TreeOf(taxonomy)}?rename={terms[0]}"));
        Assert.That(renameForm, Does.Contain("New name for 'Alpha'"));
        using var renamed = await PostAsync(taxonomy, $"rename:{terms[0]}", [new("newName", "Alpha renamed")]);
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Alpha renamed", "Alpha child" }));
    }

    [Test]
    public async Task A_menu_is_made_on_the_list_page_gets_links_added_checked_and_nested_and_GraphQL_reads_them_in_order()
    {
        Assert.That(await Admin.HtmlAsync("/admin/configuration"), Does.Contain("href=\"/admin/trees\""));
        using var created = await Admin.PostFormAsync("/admin/trees", [new("menuName", "Main menu")]);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var menu = created.Headers.Location!.ToString().Split('/')[3];
        Assert.That(await Admin.HtmlAsync("/admin/trees"), Does.Contain($"href=\"{TreeOf(menu)}\""));
        Assert.That(await Admin.HtmlAsync($"/admin/content/{menu}/edit"), Does.Contain("Edit the menu items"));

        using var unsafeLink = await PostAsync(menu, "add", [new("name", "Bad"), new("url", "javascript:alert(1)")]);
        Assert.That(unsafeLink.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unsafeLink.Content.ReadAsStringAsync(), Does.Contain("href=\"#url\""));

        foreach (var (name, url) in new[] { ("Home", "/"), ("Events", "/events"), ("Blog", "/blog") })
        {
            using var added = await PostAsync(menu, "add", [new("name", name), new("url", url)]);
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), name);
        }
        var blog = (string)(await Site.LatestAsync(menu))!.Part("MenuItemsListPart")!["MenuItems"]!.AsArray()[2]!["ContentItemId"]!;
        using var up = await PostAsync(menu, $"up:{blog}");
        using var nest = await PostAsync(menu, $"in:{blog}");

        using var http = new HttpClient { BaseAddress = Site.Address };
        using var response = await http.PostAsJsonAsync("/api/graphql", new
        {
            query = "{ menu { displayText menuItemsListPart { menuItems { displayText ... on LinkMenuItem { linkMenuItemPart { url } menuItemsListPart { menuItems { displayText } } } } } } }",
        });
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["menu"]!.AsArray().Single(m => (string?)m!["displayText"] == "Main menu")!;
        var items = data["menuItemsListPart"]!["menuItems"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["displayText"]!), Is.EqualTo(new[] { "Home", "Events" }));
        Assert.That(items[0]!["menuItemsListPart"]!["menuItems"]!.AsArray().Select(i => (string)i!["displayText"]!), Is.EqualTo(new[] { "Blog" }));

        // "Main menu" got the alias main-menu, so it is the readers' site's navigation: its top level, in order.
        Assert.That((string?)(await Site.LatestAsync(menu))!.Part("AliasPart")?["Alias"], Is.EqualTo("main-menu"));
        var home = await http.GetStringAsync("/events");
        var nav = home[home.IndexOf("id=\"navigation\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.That(nav, Does.Contain("href=\"/\">Home</a>").And.Contain("href=\"/events\" aria-current=\"page\"").And.Not.Contain(">Knowledge Hub<"));
    }

    [Test]
    public async Task Only_those_who_may_edit_the_item_may_open_or_post_the_tree_and_other_items_have_none()
    {
        var (taxonomy, terms) = await NewTaxonomyAsync("Guarded topics", ["Alpha", "Bravo"]);
        using var author = Site.NewClient();
        await author.SignInAsync("author", Password);

        using var get = await author.GetAsync(TreeOf(taxonomy));
        var token = AdminClient.AntiforgeryToken(await author.HtmlAsync("/admin/account"));
        using var post = await author.PostRawAsync(TreeOf(taxonomy), [new("op", $"down:{terms[0]}"), new(AdminClient.AntiforgeryField, token)]);

        Assert.That((get.StatusCode, post.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(await Admin.HtmlAsync("/admin/content?type=Taxonomy"), Does.Contain($"href=\"{TreeOf(taxonomy)}\""));
        Assert.That(await GraphQLTermsAsync(taxonomy), Is.EqualTo(new[] { "Alpha", "Bravo" }));
        var plain = await Site.CreateItemAsync("Page", "Not a tree", publish: false);
        await Admin.HtmlAsync(TreeOf(plain), HttpStatusCode.NotFound);
    }

    private static string TreeOf(string id) => $"/admin/content/{id}/tree";

    private async Task<HttpResponseMessage> PostAsync(string id, string op, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var version = EditorSupport.InputValue(await Admin.HtmlAsync(TreeOf(id)), "version")!;
        return await Admin.PostFormAsync(TreeOf(id), [new("version", version), new("op", op), .. more ?? []]);
    }

    private async Task<(string Id, string[] Terms)> NewTaxonomyAsync(string title, string[] names)
    {
        var ids = names.Select(_ => OneDigital.Content.Store.IdGenerator.NewId()).ToArray();
        var id = await Site.CreateAsync("Taxonomy", item =>
        {
            item.DisplayText = title;
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.GetOrCreatePart("TaxonomyPart")["TermContentType"] = "Topic";
            item.GetOrCreatePart("TaxonomyPart")["Terms"] = new JsonArray([.. names.Select((name, i) => (JsonNode)new JsonObject
            {
                ["ContentItemId"] = ids[i],
                ["ContentType"] = "Topic",
                ["DisplayText"] = name,
                ["TitlePart"] = new JsonObject { ["Title"] = name },
                ["TermPart"] = new JsonObject { ["TaxonomyContentItemId"] = "" },
            })]);
        }, publish: true);
        return (id, ids);
    }

    private async Task<int> VersionCountAsync(string id)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetVersionsAsync(id)).Count;
    }

    /// <summary>The taxonomy's terms, nested ones included, as partners read them.</summary>
    private async Task<string[]> GraphQLTermsAsync(string taxonomyId)
    {
        using var http = new HttpClient { BaseAddress = Site.Address };
        using var response = await http.PostAsJsonAsync("/api/graphql", new
        {
            query = $"{{ contentItem(contentItemId: \"{taxonomyId}\") {{ ... on Taxonomy {{ taxonomyPart {{ contentItems {{ displayText }} }} }} }} }}",
        });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. json["data"]!["contentItem"]!["taxonomyPart"]!["contentItems"]!.AsArray().Select(t => (string)t!["displayText"]!)];
    }

    /// <summary>The order in which the Knowledge Hub's topic filter names these topics.</summary>
    private async Task<string[]> SiteTopicOrderAsync(string[] names)
    {
        using var http = new HttpClient { BaseAddress = Site.Address };
        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/knowledge-hub"));
        Assert.That(names.All(n => html.Contains(n, StringComparison.Ordinal)), Is.True, "the hub names every topic");
        return [.. names.OrderBy(n => html.IndexOf(n, StringComparison.Ordinal))];
    }
}
