using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>
/// Pickers and tags without a browser: the JSON endpoint the scripts ask (the field's types and roles, what the editor
/// may see, the title search, the limit) and the same search by posting the form, the chosen items kept in order,
/// removed by a button, and tags typed as text becoming terms in the save's transaction or refused with a message.
/// </summary>
public sealed class PickerTests
{
    private const string Password = "Editor-Pa55word!";

    private AdminSite _site = null!;
    private AdminClient _admin = null!;
    private string _topicsId = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        _admin = await _site.SignedInAdminAsync();
        _topicsId = await PickerSite.DefineAsync(_site);
        await _site.AddUserAsync("carol", Password, "Editor");
        await _site.AddUserAsync("dave", Password, "Author");
        await _site.AddUserAsync("nobody", Password);
        for (var i = 1; i <= 25; i++) await _site.CreateItemAsync("Page", $"Alpha page {i:00}", publish: i % 2 == 0);
        await _site.CreateItemAsync("Blog", "Alpha blog", publish: true);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _admin.Dispose();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task The_search_endpoint_finds_titles_of_the_fields_types_at_most_twenty_by_title()
    {
        var results = await SearchAsync(_admin, "Related", "ALPHA");

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(20), "the limit");
            Assert.That(results.Select(r => (string)r["type"]!), Is.All.EqualTo("Page"), "only the field's DisplayedContentTypes: no Blog");
            Assert.That(results.Select(r => (string)r["text"]!), Is.Ordered, "by title");
            Assert.That((string)results[0]["text"]!, Is.EqualTo("Alpha page 01"));
            Assert.That(results.Select(r => (string)r["status"]!), Is.All.AnyOf("Draft", "Published"));
        });
        Assert.That(await SearchAsync(_admin, "Related", "page 07"), Has.Count.EqualTo(1), "the title contains the words");
    }

    [Test]
    public async Task The_search_endpoint_leaves_out_the_items_already_chosen()
    {
        var first = (await SearchAsync(_admin, "Related", "Alpha page 0"))[0];
        var again = await SearchAsync(_admin, "Related", "Alpha page 0", except: (string)first["id"]!);
        Assert.That(again.Select(r => (string)r["id"]!), Does.Not.Contain((string)first["id"]!));
    }

    [Test]
    public async Task Only_editors_of_the_type_may_search_and_a_field_that_is_not_a_picker_has_no_search()
    {
        using var nobody = _site.NewClient();
        await nobody.SignInAsync("nobody", Password);
        using var anonymous = _site.NewClient();
        using var author = _site.NewClient();
        await author.SignInAsync("dave", Password);

        using var refused = await nobody.GetAsync("/admin/pickers/Reading/Reading/Related?q=alpha");
        using var signedOut = await anonymous.GetAsync("/admin/pickers/Reading/Reading/Related?q=alpha");
        using var notAPicker = await _admin.GetAsync("/admin/pickers/Reading/Reading/Note?q=alpha");
        using var noType = await _admin.GetAsync("/admin/pickers/Nothing/Reading/Related?q=alpha");
        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no AccessAdminPanel");
            Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "to the sign-in page");
            Assert.That(notAPicker.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(noType.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await SearchAsync(author, "Related", "alpha page 1"), Has.Count.EqualTo(10), "an Author edits their own Readings, so may search");
        });
    }

    [Test]
    public async Task Users_are_found_by_name_or_email_and_a_role_limited_picker_offers_only_the_roles_members()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(Texts(await SearchAsync(_admin, "People", "car")), Is.EqualTo(new[] { "carol" }));
            Assert.That(Texts(await SearchAsync(_admin, "People", "dave@example")), Is.EqualTo(new[] { "dave" }), "by email");
            Assert.That(Texts(await SearchAsync(_admin, "Editors", "")), Is.EqualTo(new[] { "carol" }), "Editor members only");
        });
    }

    [Test]
    public async Task The_Tags_endpoint_offers_the_taxonomys_terms_containing_the_text() =>
        Assert.That(Texts(await SearchAsync(_admin, "Tags", "LEARN")), Is.EqualTo(new[] { "Working with learners" }));

    [Test]
    public async Task Without_scripts_Search_shows_matches_a_ticked_one_is_saved_after_those_chosen_and_Remove_takes_one_away()
    {
        var first = await _site.CreateItemAsync("Page", "Delta first", publish: true);
        var second = await _site.CreateItemAsync("Page", "Delta second", publish: true);

        using var searched = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "Search by post"), new("Reading.Related", second), new("Reading.Related.Search", "delta"), new("action", "search")]);
        var html = await searched.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(searched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(EditorSupport.InputValue(html, "TitlePart.Title"), Is.EqualTo("Search by post"), "typed values kept");
            Assert.That(EditorSupport.IsChosen(html, "Reading.Related", second), Is.True, "the chosen item stays chosen");
            Assert.That(Offers(html, "Reading.Related.Add", first), Is.True, "the match to tick");
            Assert.That(Offers(html, "Reading.Related.Add", second), Is.False, "a chosen item is not offered again");
            Assert.That(html, Does.Contain("Delta first (Page, Published)"));
        });

        using var saved = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "Search by post"), new("Reading.Note", "n"), new("Reading.Related", ""), new("Reading.Related", second), new("Reading.Related.Add", first), new("action", "continue")]);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var id = saved.Headers.Location!.OriginalString.Split('/')[3];
        Assert.That(Ids((await _site.LatestAsync(id))!, "Related", "ContentItemIds"), Is.EqualTo(new[] { second, first }), "in the order chosen");

        var form = await _admin.HtmlAsync($"/admin/content/{id}/edit");
        using var removed = await _admin.PostFormAsync($"/admin/content/{id}/edit",
        [
            new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "Search by post"), new("Reading.Note", "n"),
            new("Reading.Related", second), new("Reading.Related", first), new("action", $"picker-remove|Reading.Related|{second}"),
        ]);
        var after = await removed.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again, unsaved");
            Assert.That(EditorSupport.IsChosen(after, "Reading.Related", second), Is.False);
            Assert.That(EditorSupport.IsChosen(after, "Reading.Related", first), Is.True);
            Assert.That(Ids((await _site.LatestAsync(id))!, "Related", "ContentItemIds"), Is.EqualTo(new[] { second, first }), "nothing saved yet");
        });
    }

    [Test]
    public async Task Only_one_item_is_kept_where_one_may_be_chosen_the_last_ticked()
    {
        var kept = await _site.CreateItemAsync("Page", "Epsilon kept", publish: true);
        var replaced = await _site.CreateItemAsync("Page", "Epsilon old", publish: true);
        using var saved = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "One main"), new("Reading.Note", "n"), new("Reading.Main", replaced), new("Reading.Main.Add", kept), new("action", "continue")]);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var id = saved.Headers.Location!.OriginalString.Split('/')[3];
        Assert.That(Ids((await _site.LatestAsync(id))!, "Main", "ContentItemIds"), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public async Task Tags_typed_as_text_match_terms_ignoring_case_and_a_new_name_becomes_a_published_term_of_the_taxonomy()
    {
        var topics = await _site.TaxonomyAsync("Topics");
        using var saved = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "Tagged"), new("Reading.Note", "n"), new("Reading.Tags", "working with LEARNERS, Brand new tag,, brand NEW tag"), new("action", "continue")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var id = saved.Headers.Location!.OriginalString.Split('/')[3];
        var field = (await _site.LatestAsync(id))!.Part("Reading")!["Tags"]!;
        var after = await _site.TaxonomyAsync("Topics");
        var taxonomy = (await _site.LatestAsync(_topicsId))!;
        var created = after.Terms.Except(topics.Terms).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(field["TermContentItemIds"]!.AsArray().Select(n => (string)n!), Is.EqualTo(new[] { topics.Terms[0], created }));
            Assert.That(field["TagNames"]!.AsArray().Select(n => (string)n!), Is.EqualTo(new[] { "Working with learners", "Brand new tag" }));
            Assert.That((string?)field["TaxonomyContentItemId"], Is.EqualTo(_topicsId));
            Assert.That(taxonomy.Published, Is.True, "the taxonomy's new version is published, as it was");
            var term = taxonomy.Part("TaxonomyPart")!["Terms"]!.AsArray().Single(t => (string)t!["ContentItemId"]! == created)!;
            Assert.That((string?)term["DisplayText"], Is.EqualTo("Brand new tag"));
            Assert.That((string?)term["ContentType"], Is.EqualTo("Topic"));
            Assert.That((string?)term["TermPart"]!["TaxonomyContentItemId"], Is.EqualTo(_topicsId));
            Assert.That((string?)term["AutoroutePart"]?["Path"], Is.EqualTo("topics/brand-new-tag"));
            var html = await _admin.HtmlAsync($"/admin/content/{id}/edit");
            Assert.That(EditorSupport.InputValue(html, "Reading.Tags"), Is.EqualTo("Working with learners, Brand new tag"), "shown again by name");
        });
    }

    [Test]
    public async Task A_closed_Tags_field_refuses_an_unknown_name_with_a_message_and_writes_nothing()
    {
        var before = await _site.TaxonomyAsync("Topics");
        using var response = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "Closed"), new("Reading.Note", "n"), new("Reading.FixedTags", "Partnerships and engagement, Made up"), new("action", "continue")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("FixedTags: &#x201C;Made up&#x201D; is not a tag in Topics, and new tags cannot be added here. Use an existing tag")
                .Or.Contain("FixedTags: \u201cMade up\u201d is not a tag in Topics"));
            Assert.That(EditorSupport.InputValue(html, "Reading.FixedTags"), Is.EqualTo("Partnerships and engagement, Made up"), "kept as typed");
            Assert.That((await _site.TaxonomyAsync("Topics")).Terms, Is.EqualTo(before.Terms));
            Assert.That((await _site.LatestOfTypeAsync("Reading")).Select(r => r.DisplayText), Does.Not.Contain("Closed"));
        });
    }

    [Test]
    public async Task A_new_tag_is_not_added_when_the_item_itself_is_refused()
    {
        var before = await _site.TaxonomyAsync("Topics");
        using var response = await _admin.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "No note"), new("Reading.Tags", "Orphan tag"), new("action", "continue")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the required Note is missing");
        Assert.That((await _site.TaxonomyAsync("Topics")).Terms, Is.EqualTo(before.Terms), "the term was rolled back with the item");
    }

    [Test]
    public async Task An_Author_who_may_not_edit_the_taxonomy_cannot_add_a_tag()
    {
        using var author = _site.NewClient();
        await author.SignInAsync("dave", Password);
        var before = await _site.TaxonomyAsync("Topics");
        using var response = await author.PostFormAsync("/admin/content/new/Reading",
            [new("TitlePart.Title", "Author tags"), new("Reading.Note", "n"), new("Reading.Tags", "Author made"), new("action", "continue")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("new tags cannot be added here"));
            Assert.That((await _site.TaxonomyAsync("Topics")).Terms, Is.EqualTo(before.Terms));
        });
    }

    private static async Task<List<JsonObject>> SearchAsync(AdminClient client, string field, string text, string? except = null)
    {
        var path = $"/admin/pickers/Reading/Reading/{field}?q={Uri.EscapeDataString(text)}{(except is null ? "" : "&except=" + except)}";
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return [.. JsonNode.Parse(body)!["results"]!.AsArray().Select(n => n!.AsObject())];
    }

    private static bool Offers(string html, string name, string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(html, $"<input[^>]*name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*value=\"{value}\"");

    private static string[] Texts(List<JsonObject> results) => [.. results.Select(r => (string)r["text"]!)];

    private static string[] Ids(Content.Items.ContentItem item, string field, string property) =>
        [.. item.Part("Reading")![field]![property]!.AsArray().Select(n => (string)n!)];

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Content.Store.User>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }
}
