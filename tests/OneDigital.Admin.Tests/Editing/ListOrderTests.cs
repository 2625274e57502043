// Why: a list with EnableOrdering is ordered on its own page without JavaScript: each Move button saves the order in
// one transaction and readers (GraphQL's list field) see it; an order that no longer matches the list is refused with
// the error summary and nothing moves; only those who may edit the list may order it.
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.Editing;

public sealed class ListOrderTests : AdminSiteTests
{
    private const string Password = "Editor-Pa55word!";

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("author", Password, "Author");
        await ListOrderSite.DefineBooksAsync(Site);
    }

    [Test]
    public async Task Move_up_saves_the_new_order_and_GraphQL_lists_the_chapters_in_it()
    {
        var (book, chapters) = await BookAsync("Moving book", ["One", "Two", "Three"]);
        var page = WebUtility.HtmlDecode(await Admin.HtmlAsync($"/admin/content/{book}/order"));
        Assert.That(page, Does.Contain("Move<span class=\"govuk-visually-hidden\"> 'Three'</span> up"));
        Assert.That(page, Does.Not.Contain($"value=\"up:{chapters[0]}\""), "the first item has no Move up");

        using var response = await Admin.PostFormAsync($"/admin/content/{book}/order",
            [.. chapters.Select(c => KeyValuePair.Create("order", c)), new("move", $"up:{chapters[2]}")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/admin/content/{book}/order?moved={chapters[2]}#child-{chapters[2]}"));
        Assert.That(WebUtility.HtmlDecode(await Admin.HtmlAsync(response.Headers.Location.ToString())), Does.Contain("'Three' moved. The order is saved."));
        Assert.That(await GraphQLTitlesAsync("Moving book"), Is.EqualTo(new[] { "One", "Three", "Two" }));
        Assert.That(await Admin.HtmlAsync($"/admin/content/{book}/edit"), Does.Contain("Change the order of these items"));
    }

    [Test]
    public async Task A_dragged_order_is_saved_whole_with_Save_order()
    {
        var (book, chapters) = await BookAsync("Dragged book", ["One", "Two", "Three"]);

        using var response = await Admin.PostFormAsync($"/admin/content/{book}/order",
            [new("order", chapters[2]), new("order", chapters[0]), new("order", chapters[1])]);

        Assert.That(response.Headers.Location!.ToString(), Does.EndWith("?saved=true"));
        Assert.That(await GraphQLTitlesAsync("Dragged book"), Is.EqualTo(new[] { "Three", "One", "Two" }));
    }

    [Test]
    public async Task An_order_that_no_longer_matches_the_list_is_refused_with_the_error_summary_and_nothing_moves()
    {
        var (book, chapters) = await BookAsync("Stale book", ["One", "Two", "Three"]);

        // The form was loaded before "Three" was added: its order leaves it out.
        using var response = await Admin.PostFormAsync($"/admin/content/{book}/order",
            [new("order", chapters[1]), new("order", chapters[0]), new("move", $"down:{chapters[1]}")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("href=\"#order\"").And.Contain("1 item was added to the list since it was loaded"));
        Assert.That(html, Does.Contain("id=\"order-error\""));
        Assert.That(await GraphQLTitlesAsync("Stale book"), Is.EqualTo(new[] { "One", "Two", "Three" }));
    }

    [Test]
    public async Task Only_those_who_may_edit_the_list_may_order_it_and_a_list_without_ordering_has_no_order_page()
    {
        var (book, chapters) = await BookAsync("Someone else's book", ["One", "Two"]);
        var (shelf, _) = await BookAsync("Plain shelf", ["A", "B"], type: "Shelf");
        using var author = Site.NewClient();
        await author.SignInAsync("author", Password);

        using var get = await author.GetAsync($"/admin/content/{book}/order");
        // The author's own form (any admin page) carries a valid token; the post is still refused on the item.
        var token = AdminClient.AntiforgeryToken(await author.HtmlAsync("/admin/content/new/Book"));
        using var post = await author.PostRawAsync($"/admin/content/{book}/order",
            [new("order", chapters[1]), new("order", chapters[0]), new(AdminClient.AntiforgeryField, token)]);

        Assert.That((get.StatusCode, post.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(await GraphQLTitlesAsync("Someone else's book"), Is.EqualTo(new[] { "One", "Two" }));
        await Admin.HtmlAsync($"/admin/content/{shelf}/order", HttpStatusCode.NotFound);
        Assert.That(await Admin.HtmlAsync($"/admin/content/{shelf}/edit"), Does.Contain("In the order they were added.").And.Not.Contain("Change the order"));
    }

    private Task<(string Book, string[] Chapters)> BookAsync(string title, string[] chapters, string type = "Book") =>
        ListOrderSite.BookAsync(Site, title, chapters, type);

    private Task<string[]> GraphQLTitlesAsync(string bookTitle) => ListOrderSite.GraphQLTitlesAsync(Site, bookTitle);
}

/// <summary>Books (lists with EnableOrdering) and Shelves (without) of Chapters, for the HTTP and browser tests.</summary>
internal static class ListOrderSite
{
    public static Task DefineBooksAsync(AdminSite site) => site.AlterDefinitionsAsync(async store =>
    {
        await store.AlterTypeAsync("Chapter", type =>
        {
            SettingsReader.Write(type.Settings, new ContentTypeSettings { Draftable = true, Versionable = true });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
        });
        foreach (var (name, ordering) in new[] { ("Book", true), ("Shelf", false) })
        {
            await store.AlterTypeAsync(name, type =>
            {
                SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
                var list = new ContentTypePartDefinition { PartName = "ListPart", Name = "ListPart" };
                SettingsReader.Write(list.Settings, new ListPartSettings { EnableOrdering = ordering, ContainedContentTypes = ["Chapter"] });
                type.Parts.Add(list);
            });
        }
    });

    public static async Task<(string Book, string[] Chapters)> BookAsync(AdminSite site, string title, string[] chapters, string type = "Book")
    {
        var book = await site.CreateAsync(type, item => item.GetOrCreatePart("TitlePart")["Title"] = title, publish: true);
        var ids = new List<string>();
        foreach (var chapter in chapters)
        {
            ids.Add(await site.CreateAsync("Chapter", item =>
            {
                item.GetOrCreatePart("TitlePart")["Title"] = chapter;
                item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = book;
            }, publish: true));
        }
        return (book, [.. ids]);
    }

    public static async Task<string[]> GraphQLTitlesAsync(AdminSite site, string bookTitle)
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query = "{ book { displayText listPart { contentItems { displayText } } } }" });
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var book = json["data"]!["book"]!.AsArray().Single(b => (string?)b!["displayText"] == bookTitle)!;
        return [.. book["listPart"]!["contentItems"]!.AsArray().Select(c => (string)c!["displayText"]!)];
    }
}
