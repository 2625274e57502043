// Why: the content list is the editors' way in to every item; these prove what it shows to whom, how it filters,
// sorts and pages, and that each action (single and bulk) is done only where Orchard's roles allow it.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.ContentItems;

public sealed class ContentListTests
{
    private const string Password = "Editor-Pa55word!";

    private AdminSite _site = null!;
    private string _authorId = "";
    private string _otherAuthorId = "";
    private string _contributorId = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        await _site.AddUserAsync("editor", Password, "Editor");
        _authorId = (await _site.AddUserAsync("author", Password, "Author")).Id;
        _otherAuthorId = (await _site.AddUserAsync("author2", Password, "Author")).Id;
        _contributorId = (await _site.AddUserAsync("contributor", Password, "Contributor")).Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_list_shows_each_items_title_type_status_owner_and_a_count()
    {
        var draft = await CreateAsync("Page", "Listed draft alpha", publish: false, _authorId);
        var published = await CreateAsync("Blog", "Listed published alpha", publish: true, null);
        var redrafted = await CreateAsync("Page", "Listed redrafted alpha", publish: true, null);
        await MakeDraftAsync(redrafted);
        using var client = await SignInAsync("editor");

        var html = await PageAsync(client, "/admin/content?q=alpha");

        Assert.That(html, Does.Contain("1–3 of 3 items"));
        Assert.That(Row(html, draft), Does.Contain($"href=\"/admin/content/{draft}/edit\">Listed draft alpha</a>").And.Contain(">Draft<").And.Contain(">author<"));
        Assert.That(Row(html, published), Does.Contain(">Published<").And.Contain(">Blog<"));
        Assert.That(Row(html, redrafted), Does.Contain("Published, newer draft"));
    }

    [Test]
    public async Task Filters_by_type_status_owner_and_text_narrow_the_list()
    {
        var page = await CreateAsync("Page", "Filter bravo page", publish: true, _authorId);
        var blog = await CreateAsync("Blog", "Filter bravo blog", publish: false, _otherAuthorId);
        using var client = await SignInAsync("author");

        Assert.That(Ids(await PageAsync(client, "/admin/content?q=bravo&type=Page")), Is.EqualTo(new[] { page }));
        Assert.That(Ids(await PageAsync(client, "/admin/content?q=bravo&status=draft")), Is.EqualTo(new[] { blog }));
        Assert.That(Ids(await PageAsync(client, "/admin/content?q=bravo&status=published")), Is.EqualTo(new[] { page }));
        Assert.That(Ids(await PageAsync(client, "/admin/content?q=bravo&owner=me")), Is.EqualTo(new[] { page }));
        Assert.That(Ids(await PageAsync(client, "/admin/content?q=bravo&owner=user&user=author2")), Is.EqualTo(new[] { blog }));
        Assert.That(Ids(await PageAsync(client, "/admin/content?q=BRAVO+BLOG")), Is.EqualTo(new[] { blog }), "text matches ignoring case");
    }

    [Test]
    public async Task An_unknown_owner_is_an_error_in_the_summary_and_beside_the_field()
    {
        using var client = await SignInAsync("editor");

        var html = await PageAsync(client, "/admin/content?owner=user&user=nobody-here");

        Assert.That(html, Does.Contain("<a href=\"#user\">There is no user named nobody-here</a>"));
        Assert.That(html, Does.Contain("govuk-error-message"));
    }

    [Test]
    public async Task A_type_the_user_may_not_see_is_refused()
    {
        using var client = await SignInAsync("editor");

        using var response = await client.GetAsync("/admin/content?type=NoSuchType");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Sorting_and_paging_walk_the_items_with_real_links_and_a_range()
    {
        var ids = new List<string>();
        for (var i = 1; i <= 25; i++)
        {
            ids.Add(await CreateAsync("Page", $"Paged charlie {i:00}", publish: false, null));
        }
        using var client = await SignInAsync("editor");

        var first = await PageAsync(client, "/admin/content?q=charlie&sort=title&dir=asc");
        var second = await PageAsync(client, "/admin/content?q=charlie&sort=title&dir=asc&page=2");
        var newest = await PageAsync(client, "/admin/content?q=charlie");

        Assert.That(first, Does.Contain("1–20 of 25 items"));
        Assert.That(Ids(first), Is.EqualTo(ids.Take(20)));
        Assert.That(first, Does.Contain("href=\"/admin/content?q=charlie&sort=title&dir=asc&page=2\" rel=\"next\""));
        Assert.That(second, Does.Contain("21–25 of 25 items"));
        Assert.That(Ids(second), Is.EqualTo(ids.Skip(20)));
        Assert.That(Ids(newest)[0], Is.EqualTo(ids[^1]), "newest first by default");
    }

    [Test]
    public async Task Publishing_from_the_list_publishes_the_draft_and_says_so()
    {
        var id = await CreateAsync("Page", "Publish delta", publish: false, null);
        using var client = await SignInAsync("editor");

        using var response = await client.PostFormAsync("/admin/content?q=delta", [new("ReturnUrl", "/admin/content?q=delta")], $"/admin/content/{id}/publish");
        var html = await PageAsync(client, response.Headers.Location!.OriginalString);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(html, Does.Contain("‘Publish delta’ was published."));
        Assert.That(await StateAsync(id), Is.EqualTo(new ContentItemState(true, false, false)));
        Assert.That(await PageAsync(client, "/admin/content?q=delta"), Does.Not.Contain("‘Publish delta’ was published."), "the banner shows once");
    }

    [Test]
    public async Task Deleting_asks_first_then_removes_the_item_from_the_list_and_keeps_its_versions()
    {
        var id = await CreateAsync("Page", "Delete echo", publish: true, null);
        using var client = await SignInAsync("editor");

        var confirm = await PageAsync(client, $"/admin/content/{id}/delete?returnUrl=%2Fadmin%2Fcontent%3Fq%3Decho");
        Assert.That(await StateAsync(id), Is.EqualTo(new ContentItemState(true, false, false)), "nothing done by the GET");
        using var response = await client.PostFormAsync($"/admin/content/{id}/delete", [new("ReturnUrl", "/admin/content?q=echo")]);

        Assert.That(confirm, Does.Contain("Delete ‘Delete echo’?").And.Contain("Yes, delete"));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/admin/content?q=echo"));
        var list = await PageAsync(client, "/admin/content?q=echo");
        Assert.That(list, Does.Contain("‘Delete echo’ was deleted.").And.Contain("No items"));
        await using var scope = _site.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetVersionsAsync(id), Is.Not.Empty, "versions kept");
    }

    [Test]
    public async Task Unpublish_discard_draft_and_clone_do_what_they_say()
    {
        var unpublish = await CreateAsync("Page", "Lifecycle foxtrot one", publish: true, null);
        var discard = await CreateAsync("Page", "Lifecycle foxtrot two", publish: true, null);
        await MakeDraftAsync(discard);
        var clone = await CreateAsync("Page", "Lifecycle foxtrot three", publish: true, _otherAuthorId);
        using var client = await SignInAsync("editor");

        (await client.PostFormAsync($"/admin/content/{unpublish}/unpublish", [])).Dispose();
        (await client.PostFormAsync($"/admin/content/{discard}/discard-draft", [])).Dispose();
        (await client.PostFormAsync($"/admin/content/{clone}/clone", [])).Dispose();

        Assert.That(await StateAsync(unpublish), Is.EqualTo(new ContentItemState(false, true, false)));
        Assert.That(await StateAsync(discard), Is.EqualTo(new ContentItemState(true, false, false)));
        var html = await PageAsync(client, "/admin/content?q=foxtrot+three");
        Assert.That(Ids(html), Has.Count.EqualTo(2), "the original and its copy");
        var copy = Ids(html).Single(i => i != clone);
        Assert.That(Row(html, copy), Does.Contain(">Draft<").And.Contain(">editor<"), "the copy is a draft its cloner owns");
    }

    [Test]
    public async Task An_author_may_publish_and_delete_own_items_but_not_anothers()
    {
        var own = await CreateAsync("Page", "Author golf own", publish: false, _authorId);
        var other = await CreateAsync("Page", "Author golf other", publish: false, _otherAuthorId);
        using var client = await SignInAsync("author");

        var list = await PageAsync(client, "/admin/content?q=golf");
        using var forged = await client.PostFormAsync("/admin/content?q=golf", [], $"/admin/content/{other}/publish");
        using var forgedDelete = await client.GetAsync($"/admin/content/{other}/delete");
        using var publishOwn = await client.PostFormAsync("/admin/content?q=golf", [], $"/admin/content/{own}/publish");

        Assert.That(Row(list, own), Does.Contain($"formaction=\"/admin/content/{own}/publish\"").And.Contain($"/admin/content/{own}/delete"));
        Assert.That(Row(list, other), Does.Not.Contain("/publish").And.Not.Contain("/delete"), "no buttons for another's item");
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("You do not have permission to do this"));
        Assert.That(forgedDelete.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(publishOwn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await StateAsync(other), Is.EqualTo(new ContentItemState(false, true, false)));
        Assert.That(await StateAsync(own), Is.EqualTo(new ContentItemState(true, false, false)));
    }

    [Test]
    public async Task A_contributor_sees_no_publish_button_and_a_forged_publish_is_403()
    {
        var own = await CreateAsync("Page", "Contributor hotel", publish: false, _contributorId);
        using var client = await SignInAsync("contributor");

        var list = await PageAsync(client, "/admin/content?q=hotel");
        using var single = await client.PostFormAsync("/admin/content?q=hotel", [], $"/admin/content/{own}/publish");
        using var bulk = await client.PostFormAsync("/admin/content?q=hotel", [new("Action", "publish"), new("Ids", own), new("Confirmed", "true")], "/admin/content/bulk");

        Assert.That(Ids(list), Is.EqualTo(new[] { own }));
        Assert.That(Row(list, own), Does.Not.Contain("/publish"));
        Assert.That(single.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(bulk.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StateAsync(own), Is.EqualTo(new ContentItemState(false, true, false)));
    }

    [Test]
    public async Task A_bulk_publish_confirms_the_items_then_reports_those_done_and_those_refused()
    {
        var own = await CreateAsync("Page", "Bulk india own", publish: false, _authorId);
        var other = await CreateAsync("Page", "Bulk india other", publish: false, _otherAuthorId);
        using var client = await SignInAsync("author");

        using var confirm = await client.PostFormAsync("/admin/content?q=india",
            [new("Action", "publish"), new("Ids", own), new("Ids", other), new("ReturnUrl", "/admin/content?q=india")], "/admin/content/bulk");
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        Assert.That(await StateAsync(own), Is.EqualTo(new ContentItemState(false, true, false)), "nothing done before confirming");
        using var done = await client.PostRawAsync("/admin/content/bulk",
            [new("Action", "publish"), new("Ids", own), new("Ids", other), new("Confirmed", "true"), new("ReturnUrl", "/admin/content?q=india"),
             new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(confirmHtml))]);
        var list = await PageAsync(client, done.Headers.Location!.OriginalString);

        Assert.That(WebUtility.HtmlDecode(confirmHtml), Does.Contain("Publish 2 items?").And.Contain("Bulk india own").And.Contain("Bulk india other"));
        Assert.That(list, Does.Contain("1 item published; 1 item not:").And.Contain("‘Bulk india other’: you do not have permission to publish it"));
        Assert.That(await StateAsync(own), Is.EqualTo(new ContentItemState(true, false, false)));
        Assert.That(await StateAsync(other), Is.EqualTo(new ContentItemState(false, true, false)));
    }

    [Test]
    public async Task Actions_without_an_antiforgery_token_are_refused()
    {
        var id = await CreateAsync("Page", "Forgery juliet", publish: false, null);
        using var client = await SignInAsync("editor");

        using var response = await client.PostRawAsync($"/admin/content/{id}/publish", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StateAsync(id), Is.EqualTo(new ContentItemState(false, true, false)));
    }

    private async Task<AdminClient> SignInAsync(string userName)
    {
        var client = _site.NewClient();
        await client.SignInAsync(userName, Password);
        return client;
    }

    private static async Task<string> PageAsync(AdminClient client, string path)
    {
        using var response = await client.GetAsync(path);
        // Razor encodes every non-ASCII character; the assertions read the text as a browser shows it.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return html;
    }

    /// <summary>The item ids of the list's rows, in order.</summary>
    private static List<string> Ids(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"govuk-table__row\" data-item=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"data-item=\"{id}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), $"a row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task<string> CreateAsync(string type, string title, bool publish, string? ownerId)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(type);
        item.DisplayText = title;
        item.Owner = ownerId;
        await manager.CreateAsync(item, publish);
        return item.ContentItemId;
    }

    private async Task MakeDraftAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = (await manager.GetAsync(id, VersionOptions.Latest))!;
        item.Published = false;
        await manager.UpdateAsync(item, item.ContentItemVersionId);
    }

    private async Task<ContentItemState> StateAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetStatesAsync([id]))[id];
    }
}
