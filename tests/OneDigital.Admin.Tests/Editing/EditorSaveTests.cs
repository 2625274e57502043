using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>
/// Saving through the editor: each field kind's input is stored in Orchard's JSON shape and shown again; bad input
/// comes back as the error summary and inline messages with nothing stored; permissions are checked per item; a save
/// over a newer version gets the conflict page and overwrites nothing.
/// </summary>
public sealed class EditorSaveTests : AdminSiteTests
{
    private const string Password = "Editor-Pa55word!";

    protected override Task<AdminSite> StartSiteAsync() => AdminSite.StartAsync("--OneDigital:Admin:TimeZone=Europe/London");

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("author", Password, "Author");
        await Site.AddUserAsync("contributor", Password, "Contributor");
        var topics = await Site.TaxonomyAsync("Topics");
        // A type with one field of every kind the engine knows.
        await Site.AlterDefinitionsAsync(async store =>
        {
            foreach (var (name, kind, settings) in EveryKind(topics.Id))
            {
                await store.AlterFieldAsync("Everything", name, kind, field =>
                {
                    foreach (var (key, value) in settings) field.Settings[key] = value?.DeepClone();
                });
            }
            await store.AlterTypeAsync("Everything", type =>
            {
                SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Draftable = true, Versionable = true, Listable = true });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "Everything", Name = "Everything" });
            });
        });
    }

    private static IEnumerable<(string Name, string Kind, JsonObject Settings)> EveryKind(string taxonomyId) =>
    [
        ("Text", "TextField", []),
        ("Area", "TextField", new JsonObject { ["ContentPartFieldSettings"] = new JsonObject { ["Editor"] = "TextArea" } }),
        ("Html", "HtmlField", []),
        ("Markdown", "MarkdownField", []),
        ("Number", "NumericField", new JsonObject { ["NumericFieldSettings"] = new JsonObject { ["Scale"] = 2 } }),
        ("Flag", "BooleanField", []),
        ("Day", "DateField", []),
        ("When", "DateTimeField", []),
        ("At", "TimeField", []),
        ("Link", "LinkField", []),
        ("Media", "MediaField", []),
        ("Picker", "ContentPickerField", new JsonObject { ["ContentPickerFieldSettings"] = new JsonObject { ["Multiple"] = true, ["DisplayedContentTypes"] = new JsonArray("Page") } }),
        ("Terms", "TaxonomyField", new JsonObject { ["TaxonomyFieldSettings"] = new JsonObject { ["TaxonomyContentItemId"] = taxonomyId } }),
        ("People", "UserPickerField", []),
        ("Many", "MultiTextField", []),
        ("Video", "YoutubeField", []),
        ("Sets", "LocalizationSetContentPickerField", []),
    ];

    [Test]
    public void The_round_trip_test_type_has_a_field_of_every_kind() =>
        Assert.That(EveryKind("x").Select(f => FieldKinds.Find(f.Kind)).Distinct().Count(), Is.EqualTo(FieldKinds.All.Count));

    [Test]
    public async Task Every_field_kind_is_stored_in_Orchards_shape_and_shown_again()
    {
        var page = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Picked page", publish: true);
        var topics = await Site.TaxonomyAsync("Topics");
        var adminId = await UserIdAsync(AdminSite.AdminUserName);

        using var response = await Admin.PostFormAsync("/admin/content/new/Everything",
        [
            new("TitlePart.Title", "All kinds"),
            new("Everything.Text", "Plain text"),
            new("Everything.Area", "Line one\nLine two"),
            new("Everything.Html", "<p>Hello<script>alert(1)</script></p>"),
            new("Everything.Markdown", "# Heading"),
            new("Everything.Number", "12.5"),
            new("Everything.Flag", "true"),
            new("Everything.Day.Day", "27"), new("Everything.Day.Month", "3"), new("Everything.Day.Year", "2026"),
            new("Everything.When.Day", "1"), new("Everything.When.Month", "7"), new("Everything.When.Year", "2026"), new("Everything.When.Time", "14:30"),
            new("Everything.At", "9:15"),
            new("Everything.Link", "https://example.org/x"), new("Everything.Link.Text", "Example"),
            new("Everything.Media.Paths", "images/a.jpg"), new("Everything.Media.Texts", "A photo"),
            new("Everything.Picker", page),
            new("Everything.Terms", topics.Terms[1]),
            new("Everything.People", adminId),
            new("Everything.Many", "a\nb"),
            new("Everything.Video", "https://www.youtube.com/watch?v=abc123"),
            new("Everything.Sets", "set-1"),
            new("action", "continue"),
        ]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var id = response.Headers.Location!.OriginalString.Split('/')[3];
        var item = (await Site.LatestAsync(id))!;
        var fields = item.Part("Everything")!;
        Assert.Multiple(() =>
        {
            Assert.That(item.Published, Is.False, "saved as a draft");
            Assert.That(item.Owner, Is.EqualTo(adminId), "owned by its creator");
            Assert.That(Json(fields["Text"]), Is.EqualTo("""{"Text":"Plain text"}"""));
            Assert.That(Json(fields["Area"]), Is.EqualTo("""{"Text":"Line one\nLine two"}"""));
            Assert.That((string?)fields["Html"]!["Html"], Does.Contain("<p>Hello").And.Not.Contain("script"), "sanitized by the engine");
            Assert.That(Json(fields["Markdown"]), Is.EqualTo("""{"Markdown":"# Heading"}"""));
            Assert.That(Json(fields["Number"]), Is.EqualTo("""{"Value":12.5}"""));
            Assert.That(Json(fields["Flag"]), Is.EqualTo("""{"Value":true}"""));
            Assert.That(Json(fields["Day"]), Is.EqualTo("""{"Value":"2026-03-27T00:00:00Z"}"""));
            Assert.That(Json(fields["When"]), Is.EqualTo("""{"Value":"2026-07-01T13:30:00Z"}"""), "14:30 in London in summer is 13:30 UTC");
            Assert.That(Json(fields["At"]), Is.EqualTo("""{"Value":"09:15:00"}"""));
            Assert.That(Json(fields["Link"]), Is.EqualTo("""{"Url":"https://example.org/x","Text":"Example"}"""));
            Assert.That(Json(fields["Media"]), Is.EqualTo("""{"Paths":["images/a.jpg"],"MediaTexts":["A photo"],"Anchors":[{"X":0.5,"Y":0.5}]}"""));
            Assert.That(Json(fields["Picker"]), Is.EqualTo($$"""{"ContentItemIds":["{{page}}"]}"""));
            Assert.That(Json(fields["Terms"]), Is.EqualTo($$"""{"TaxonomyContentItemId":"{{topics.Id}}","TermContentItemIds":["{{topics.Terms[1]}}"]}"""));
            Assert.That(Json(fields["People"]), Is.EqualTo($$"""{"UserIds":["{{adminId}}"],"UserNames":["admin"]}"""));
            Assert.That(Json(fields["Many"]), Is.EqualTo("""{"Values":["a","b"]}"""));
            Assert.That(Json(fields["Video"]), Is.EqualTo("""{"RawAddress":"https://www.youtube.com/watch?v=abc123","EmbeddedAddress":"https://www.youtube.com/embed/abc123"}"""));
            Assert.That(Json(fields["Sets"]), Is.EqualTo("""{"LocalizationSets":["set-1"]}"""));
        });

        var html = await Admin.HtmlAsync($"/admin/content/{id}/edit");
        Assert.Multiple(() =>
        {
            Assert.That(EditorSupport.InputValue(html, "Everything.Text"), Is.EqualTo("Plain text"));
            Assert.That(EditorSupport.TextareaValue(html, "Everything.Area"), Is.EqualTo("Line one\nLine two"));
            Assert.That(EditorSupport.TextareaValue(html, "Everything.Markdown"), Is.EqualTo("# Heading"));
            Assert.That(EditorSupport.InputValue(html, "Everything.Number"), Is.EqualTo("12.5"));
            Assert.That(EditorSupport.IsChecked(html, "Everything.Flag", "true"), Is.True);
            Assert.That(EditorSupport.InputValue(html, "Everything.Day.Day"), Is.EqualTo("27"));
            Assert.That(EditorSupport.InputValue(html, "Everything.When.Time"), Is.EqualTo("14:30"), "shown in the site's time zone");
            Assert.That(EditorSupport.InputValue(html, "Everything.At"), Is.EqualTo("09:15"));
            Assert.That(EditorSupport.InputValue(html, "Everything.Link.Text"), Is.EqualTo("Example"));
            Assert.That(EditorSupport.IsChosen(html, "Everything.Media.Paths", "images/a.jpg"), Is.True);
            Assert.That(EditorSupport.InputValue(html, "Everything.Media.Texts"), Is.EqualTo("A photo"));
            Assert.That(EditorSupport.IsChosen(html, "Everything.Picker", page), Is.True);
            Assert.That(EditorSupport.IsChecked(html, "Everything.Terms", topics.Terms[1]), Is.True);
            Assert.That(EditorSupport.IsChosen(html, "Everything.People", adminId), Is.True);
            Assert.That(EditorSupport.TextareaValue(html, "Everything.Many"), Is.EqualTo("a\nb"));
            Assert.That(EditorSupport.InputValue(html, "Everything.Video"), Is.EqualTo("https://www.youtube.com/watch?v=abc123"));
            Assert.That(EditorSupport.TextareaValue(html, "Everything.Sets"), Is.EqualTo("set-1"));
        });
    }

    [TestCase("", "A value is required.")]
    [TestCase("0", "The value must be at least 1.")]
    [TestCase("2.5", "The value must be a whole number.")]
    [TestCase("many", "Phase number must be a number, like 12 or 3.5")]
    public async Task A_refused_value_comes_back_in_the_summary_and_beside_the_field_and_nothing_is_stored(string posted, string message)
    {
        var before = (await Site.LatestOfTypeAsync("ProgrammePhase")).Count;

        using var response = await Admin.PostFormAsync("/admin/content/new/ProgrammePhase",
            [new("TitlePart.Title", "Phase one"), new("ProgrammePhase.PhaseNumber", posted), new("action", "publish")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again");
            Assert.That(html, Does.Contain("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"));
            Assert.That(html, Does.Contain($"<a href=\"#ProgrammePhase-PhaseNumber\">"), "the summary links to the field");
            Assert.That(html, Does.Contain("<p id=\"ProgrammePhase-PhaseNumber-error\" class=\"govuk-error-message\">"), "the inline message");
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(message).Replace("&#x27;", "'")));
            Assert.That(EditorSupport.InputValue(html, "TitlePart.Title"), Is.EqualTo("Phase one"), "what was typed is kept");
            Assert.That(EditorSupport.InputValue(html, "ProgrammePhase.PhaseNumber") ?? "", Is.EqualTo(posted));
            Assert.That(html, Does.Contain("<title>Error: "), "the title says there is an error");
            Assert.That((await Site.LatestOfTypeAsync("ProgrammePhase")).Count, Is.EqualTo(before), "nothing stored");
        });
    }

    [Test]
    public async Task An_Author_cannot_open_or_save_another_editors_item_but_edits_their_own()
    {
        using var author = Site.NewClient();
        await author.SignInAsync("author", Password);
        var others = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Not yours", owner: await UserIdAsync(AdminSite.AdminUserName));
        var own = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Yours", owner: await UserIdAsync("author"));
        var adminForm = await Admin.HtmlAsync($"/admin/content/{others}/edit");

        using var post = await author.PostRawAsync($"/admin/content/{others}/edit",
        [
            new("VersionId", EditorSupport.VersionId(adminForm)), new("TitlePart.Title", "Changed"), new("action", "draft"),
            new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(await author.HtmlAsync($"/admin/content/{own}/edit"))),
        ]);

        Assert.Multiple(async () =>
        {
            await author.HtmlAsync($"/admin/content/{others}/edit", HttpStatusCode.Forbidden);
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await Site.LatestAsync(others))!.DisplayText, Is.EqualTo("Not yours"), "nothing written");
            await author.HtmlAsync("/admin/content/new/Page");
        });
    }

    [Test]
    public async Task The_edit_page_links_to_the_items_versions_preview_and_schedule_pages_each_only_for_who_may_open_it()
    {
        using var contributor = Site.NewClient();
        await contributor.SignInAsync("contributor", Password);
        var id = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Linked", owner: await UserIdAsync("contributor"));

        var asAdmin = await Admin.HtmlAsync($"/admin/content/{id}/edit");
        var asContributor = await contributor.HtmlAsync($"/admin/content/{id}/edit");

        Assert.Multiple(() =>
        {
            foreach (var page in new[] { "versions", "preview", "schedule" })
            {
                Assert.That(asAdmin, Does.Contain($"href=\"/admin/content/{id}/{page}\""), page);
            }
            Assert.That(asContributor, Does.Contain($"href=\"/admin/content/{id}/versions\""), "a Contributor edits and so sees the history of own items");
            Assert.That(asContributor, Does.Not.Contain($"href=\"/admin/content/{id}/schedule\""), "a Contributor cannot publish, so is not offered scheduling");
        });
    }

    [Test]
    public async Task A_Contributor_saves_drafts_but_is_not_offered_or_allowed_Publish()
    {
        using var contributor = Site.NewClient();
        await contributor.SignInAsync("contributor", Password);
        var before = (await Site.LatestOfTypeAsync("Page")).Count;

        var form = await contributor.HtmlAsync("/admin/content/new/Page");
        using var publish = await contributor.PostFormAsync("/admin/content/new/Page", [new("TitlePart.Title", "Mine"), new("action", "publish")]);
        using var draft = await contributor.PostFormAsync("/admin/content/new/Page", [new("TitlePart.Title", "Mine as a draft"), new("action", "draft")]);

        Assert.Multiple(async () =>
        {
            Assert.That(form, Does.Not.Contain("value=\"publish\""));
            Assert.That(publish.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            var pages = await Site.LatestOfTypeAsync("Page");
            Assert.That(pages, Has.Count.EqualTo(before + 1));
            Assert.That(pages.Single(p => p.DisplayText == "Mine as a draft").Published, Is.False);
        });
    }

    [Test]
    public async Task Saving_over_a_newer_version_shows_both_versions_and_overwrites_nothing()
    {
        var id = await Site.CreateAsync("Page", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Original";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Their body";
        }, publish: true);
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");
        await Site.SaveAsAnotherEditorAsync(id, item => item.GetOrCreatePart("TitlePart")["Title"] = "Their title");

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
        [
            new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "My title"),
            new("MarkdownBodyPart.Markdown", "My body"), new("action", "publish"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        var latest = (await Site.LatestAsync(id))!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-l\">Someone else changed this item</h1>"));
            Assert.That(html, Does.Contain("Your changes were not saved."));
            Assert.That(html, Does.Contain(">My title</td>").And.Contain(">Their title</td>"), "the title, yours and theirs");
            Assert.That(html, Does.Contain(">My body</td>").And.Contain(">Their body</td>"), "the body, yours and theirs");
            Assert.That(html, Does.Contain($"href=\"/admin/content/{id}/edit\">Open the latest version</a>"));
            Assert.That(latest.DisplayText, Is.EqualTo("Their title"), "nothing overwritten");
            Assert.That((string?)latest.Part("MarkdownBodyPart")!["Markdown"], Is.EqualTo("Their body"));
        });
    }

    [Test]
    public async Task Saving_a_draft_over_a_published_item_keeps_the_published_version_and_then_shows_the_draft()
    {
        var id = await Site.CreateAsync("Page", i => i.GetOrCreatePart("TitlePart")["Title"] = "Live", publish: true);
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
            [new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "Live, edited"), new("action", "continue")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/admin/content/{id}/edit?saved=1"));
        var again = await Admin.HtmlAsync(response.Headers.Location!.OriginalString);
        Assert.That(EditorSupport.InputValue(again, "TitlePart.Title"), Is.EqualTo("Live, edited"));
        Assert.That(again, Does.Contain("Your changes were saved."));
        Assert.That(EditorSupport.VersionId(again), Is.Not.EqualTo(EditorSupport.VersionId(form)), "the form now carries the new version");
        var latest = (await Site.LatestAsync(id))!;
        Assert.That(latest.Published, Is.False, "a draft; the published version stays served");
    }

    [Test]
    public async Task The_preview_button_renders_the_markdown_sanitized_and_saves_nothing()
    {
        var before = (await Site.LatestOfTypeAsync("Page")).Count;

        using var response = await Admin.PostFormAsync("/admin/content/new/Page",
            [new("TitlePart.Title", "Preview me"), new("MarkdownBodyPart.Markdown", "**bold** <script>alert(1)</script>"), new("action", "preview")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<strong>bold</strong>"));
        Assert.That(html, Does.Not.Contain("<script>alert(1)</script>"));
        Assert.That((await Site.LatestOfTypeAsync("Page")).Count, Is.EqualTo(before));
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName))!.Id;
    }

    private static string Json(JsonNode? node) => node!.ToJsonString(OneDigital.Content.Store.ContentJson.Compact);
}
