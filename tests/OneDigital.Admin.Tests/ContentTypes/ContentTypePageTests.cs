using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.ContentTypes;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.ContentTypes;

/// <summary>The content types editor over HTTP: what it changes reaches the editor, GraphQL and search at once; names
/// GraphQL already uses, stale pages and removing a type in use are refused with a message; each change is audited.</summary>
public sealed class ContentTypePageTests : AdminSiteTests
{
    private async Task<string> GraphQLAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = Site.Address };
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query });
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task Adding_a_Region_text_field_to_CaseStudy_reaches_the_editor_GraphQL_filters_and_search_without_a_restart()
    {
        // The setup recipe's CaseStudy has a Region taxonomy field: a second Region is refused, so it goes first.
        using (var clash = await Admin.SubmitAsync("/admin/content-types/CaseStudy/fields/new", [new("DisplayName", "Region"), new("Name", "Region"), new("Kind", "TextField")]))
        {
            Assert.That(await clash.TextAsync(), Does.Contain("Case Study already has a field named Region."));
        }
        using (var removed = await Admin.SubmitAsync("/admin/content-types/CaseStudy/fields/Region", [], "/admin/content-types/CaseStudy/fields/Region?handler=Remove"))
        {
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await removed.TextAsync());
        }

        await Admin.AddFieldAsync("CaseStudy", "Region", "Region", "TextField");

        var form = await Admin.HtmlAsync("/admin/content/new/CaseStudy");
        Assert.That(form, Does.Contain("name=\"CaseStudy.Region\" type=\"text\""), "the editor has the Region input");
        using (var saved = await Admin.PostFormAsync("/admin/content/new/CaseStudy",
            [new("TitlePart.Title", "Libraries on the coast"), new("CaseStudy.Region", "Northumbrialand"), new("action", "publish")]))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.TextAsync());
        }
        using (var other = await Admin.PostFormAsync("/admin/content/new/CaseStudy",
            [new("TitlePart.Title", "Inland hubs"), new("CaseStudy.Region", "Midlands"), new("action", "publish")]))
        {
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var listed = await GraphQLAsync("{ caseStudy { displayText region { text } } }");
        var filtered = await GraphQLAsync("{ caseStudy(where: { caseStudy: { region: \"Northumbrialand\" } }) { displayText region { text } } }");
        Assert.Multiple(() =>
        {
            Assert.That(listed, Does.Contain("{\"displayText\":\"Libraries on the coast\",\"region\":{\"text\":\"Northumbrialand\"}}"), listed);
            Assert.That(filtered, Does.Contain("Libraries on the coast").And.Not.Contain("Inland hubs"), filtered);
            Assert.That(filtered, Does.Not.Contain("\"errors\""), filtered);
        });

        // The Search index profile includes CaseStudy: the field's text is indexed once the indexer catches up.
        using var http = new HttpClient { BaseAddress = Site.Address };
        var found = "";
        for (var attempt = 0; attempt < 50 && !found.Contains("Libraries on the coast", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            found = await http.GetStringAsync($"/search?q=Northumbrialand&attempt={attempt}");
        }
        Assert.That(found, Does.Contain("Libraries on the coast"), "the readers' search finds the item by its Region");
    }

    [TestCase("ContentItemId", "would be the GraphQL field 'contentItemId', which every content item already has")]
    [TestCase("displayText", "would be the GraphQL field 'displayText', which every content item already has")]
    [TestCase("Summary", "Case Study already has a field named Summary.")]
    [TestCase("summary", "would be the GraphQL field 'summary', the same as the existing field Summary")]
    [TestCase("TitlePart", "would be the GraphQL field 'titlePart', the same as the type's TitlePart")]
    [TestCase("Region_Name", "must start with a letter and use only the letters A to Z and digits")]
    [TestCase("2ndRegion", "must start with a letter and use only the letters A to Z and digits")]
    public async Task A_field_name_that_clashes_with_a_GraphQL_name_is_refused_with_a_message(string name, string message)
    {
        var before = (await Site.DefinitionsAsync()).Version;

        using var response = await Admin.SubmitAsync("/admin/content-types/CaseStudy/fields/new", [new("DisplayName", "Clash"), new("Name", name), new("Kind", "TextField")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.TextAsync(), Does.Contain(message).And.Contain("There is a problem"));
        Assert.That((await Site.DefinitionsAsync()).Version, Is.EqualTo(before), "nothing saved");
    }

    [TestCase("BlogPost", "There is already a content type named BlogPost.")]
    [TestCase("Query", "Query is a name the GraphQL schema or Orchard already uses")]
    [TestCase("TextField", "TextField is a name the GraphQL schema or Orchard already uses")]
    [TestCase("ContentItem", "ContentItem is a name the GraphQL schema or Orchard already uses")]
    [TestCase("BlogPostConnection", "cannot end with 'Connection'")]
    [TestCase("SiteCultures", "would be the GraphQL root field 'siteCultures'")]
    [TestCase("Case-Study", "must start with a letter and use only the letters A to Z and digits")]
    public async Task A_type_name_that_clashes_is_refused_with_a_message(string name, string message)
    {
        using var response = await Admin.SubmitAsync("/admin/content-types/new", [new("DisplayName", "Clash"), new("Name", name)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.TextAsync(), Does.Contain(message));
    }

    [Test]
    public async Task A_new_type_takes_the_suggested_name_and_is_listed_creatable_and_in_GraphQL_at_once()
    {
        using var created = await Admin.SubmitAsync("/admin/content-types/new", [new("DisplayName", "Training course (2027)"), new("Name", "")]);
        Assert.That(created.Headers.Location?.OriginalString, Is.EqualTo("/admin/content-types/TrainingCourse2027?created=1"));

        var list = await Admin.HtmlAsync("/admin/content-types");
        var form = await Admin.HtmlAsync("/admin/content/new/TrainingCourse2027");
        var answer = await GraphQLAsync("{ trainingCourse2027 { displayText } }");
        Assert.Multiple(() =>
        {
            Assert.That(list, Does.Contain("data-type=\"TrainingCourse2027\"").And.Contain("Training course (2027)"));
            Assert.That(form, Does.Contain("name=\"TitlePart.Title\""));
            Assert.That(answer, Does.Contain("\"trainingCourse2027\":[]"), answer);
        });
    }

    [Test]
    public async Task Settings_save_under_Orchard_names_and_a_page_opened_before_another_change_is_refused()
    {
        await Admin.CreateTypeAsync("Workshop note", "WorkshopNote");
        const string page = "/admin/content-types/WorkshopNote";
        var stale = await Admin.HtmlAsync(page);

        using (var saved = await Admin.SubmitAsync(page, [new("Settings.DisplayName", "Workshop notes"), new("Settings.Options", "Creatable"), new("Settings.Options", "Securable"),
            new("Settings.Stereotype", ""), new("Settings.Description", "Notes from workshops.")], page + "?handler=Settings"))
        {
            Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo(page + "?done=settings"));
        }
        using var refused = await Admin.PostRawAsync(page + "?handler=Settings", [new("Settings.DisplayName", "Overwritten"), new("Settings.Options", "Listable"),
            new("Version", ContentTypeForms.VersionOf(stale)), new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(stale))]);

        var type = (await Site.DefinitionsAsync()).Type("WorkshopNote")!;
        Assert.Multiple(async () =>
        {
            Assert.That(await refused.TextAsync(), Does.Contain(ContentTypeChanges.StaleMessage));
            Assert.That(type.DisplayName, Is.EqualTo("Workshop notes"));
            Assert.That(type.TypeSettings, Has.Property("Creatable").True.And.Property("Securable").True.And.Property("Listable").False
                .And.Property("Description").EqualTo("Notes from workshops."));
        });
    }

    [Test]
    public async Task Parts_and_fields_move_with_their_buttons_and_the_editor_follows_the_order()
    {
        await Admin.CreateTypeAsync("Venue", "Venue");
        await Admin.AddFieldAsync("Venue", "Address", "Address", "TextField");
        await Admin.AddFieldAsync("Venue", "Capacity", "Capacity", "NumericField");
        using (var added = await Admin.SubmitAsync("/admin/content-types/Venue", [new("part", "MarkdownBodyPart")], "/admin/content-types/Venue?handler=AddPart"))
        {
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await added.TextAsync());
        }
        var before = await Admin.HtmlAsync("/admin/content/new/Venue");
        Assert.That(before.IndexOf("name=\"Venue.Address\"", StringComparison.Ordinal), Is.LessThan(before.IndexOf("name=\"MarkdownBodyPart.Markdown\"", StringComparison.Ordinal)));

        using (var field = await Admin.SubmitAsync("/admin/content-types/Venue", [new("move", "up:Capacity")], "/admin/content-types/Venue?handler=Fields")) { }
        using (var part = await Admin.SubmitAsync("/admin/content-types/Venue", [new("move", "up:MarkdownBodyPart")], "/admin/content-types/Venue?handler=Parts")) { }

        var after = await Admin.HtmlAsync("/admin/content/new/Venue");
        Assert.Multiple(() =>
        {
            Assert.That(after.IndexOf("name=\"Venue.Capacity\"", StringComparison.Ordinal), Is.LessThan(after.IndexOf("name=\"Venue.Address\"", StringComparison.Ordinal)), "fields");
            Assert.That(after.IndexOf("name=\"MarkdownBodyPart.Markdown\"", StringComparison.Ordinal), Is.LessThan(after.IndexOf("name=\"Venue.Capacity\"", StringComparison.Ordinal)), "parts");
        });
    }

    [Test]
    public async Task Field_settings_are_kept_under_Orchard_names_and_the_editor_uses_them()
    {
        await Admin.CreateTypeAsync("Partner", "Partner");
        await Admin.AddFieldAsync("Partner", "Kind of partner", "PartnerKind", "TextField");
        await Admin.AddFieldAsync("Partner", "Volunteers", "Volunteers", "NumericField");
        const string kindPage = "/admin/content-types/Partner/fields/PartnerKind";
        const string countPage = "/admin/content-types/Partner/fields/Volunteers";

        using (var saved = await Admin.SubmitAsync(kindPage, [new("DisplayName", "Kind of partner"), new("Editor", "PredefinedList"),
            new("Settings.TextFieldSettings.Hint", "What the partner does."), new("Settings.TextFieldSettings.Required", "true"),
            new("Settings.TextFieldPredefinedListEditorSettings.Options", "Library = library\nCharity = charity"),
            new("Settings.TextFieldPredefinedListEditorSettings.Editor", "Dropdown")]))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.TextAsync());
        }
        using var refused = await Admin.SubmitAsync(countPage, [new("DisplayName", "Volunteers"), new("Settings.NumericFieldSettings.Minimum", "a few")]);
        using (var range = await Admin.SubmitAsync(countPage, [new("DisplayName", "Volunteers"), new("Settings.NumericFieldSettings.Minimum", "0"), new("Settings.NumericFieldSettings.Maximum", "500")])) { }

        var part = (await Site.DefinitionsAsync()).Part("Partner")!;
        var form = await Admin.HtmlAsync("/admin/content/new/Partner");
        Assert.Multiple(async () =>
        {
            Assert.That(await refused.TextAsync(), Does.Contain("Minimum must be a number, like 10 or 2.5."));
            Assert.That(part.Field("PartnerKind")!.GetSettings<TextFieldSettings>(), Has.Property("Required").True.And.Property("Hint").EqualTo("What the partner does."));
            Assert.That(part.Field("PartnerKind")!.Settings["TextFieldPredefinedListEditorSettings"]!.ToJsonString(),
                Is.EqualTo("{\"Options\":[{\"name\":\"Library\",\"value\":\"library\"},{\"name\":\"Charity\",\"value\":\"charity\"}],\"Editor\":\"Dropdown\"}"));
            Assert.That(part.Field("PartnerKind")!.GetSettings<ContentPartFieldSettings>().Editor, Is.EqualTo("PredefinedList"));
            Assert.That(part.Field("Volunteers")!.GetSettings<NumericFieldSettings>(), Has.Property("Minimum").EqualTo(0m).And.Property("Maximum").EqualTo(500m));
            Assert.That(form, Does.Contain("Kind of partner (required)").And.Contain("What the partner does."));
            Assert.That(form, Does.Contain("<select class=\"govuk-select\" id=\"Partner-PartnerKind\" name=\"Partner.PartnerKind\"")
                .And.Contain("<option value=\"library\">Library</option>").And.Contain("<option value=\"charity\">Charity</option>"), "the predefined list as a dropdown");
            Assert.That(form, Does.Contain("A whole number from 0 to 500."), "the numeric range");
        });
    }

    [Test]
    public async Task Removing_a_type_in_use_is_refused_unless_confirmed_and_its_items_come_back_with_the_type()
    {
        await Admin.CreateTypeAsync("Newsletter issue", "NewsletterIssue");
        await Admin.AddFieldAsync("NewsletterIssue", "Issue number", "IssueNumber", "NumericField");
        await Site.CreateItemAsync("NewsletterIssue", "Spring issue", publish: true);
        await Site.CreateItemAsync("NewsletterIssue", "Summer issue", publish: false);
        const string page = "/admin/content-types/NewsletterIssue/remove";

        var warning = await Admin.HtmlAsync(page);
        using var unconfirmed = await Admin.SubmitAsync(page, []);
        Assert.Multiple(async () =>
        {
            Assert.That(warning, Does.Contain("2 items (1 published) use this type."));
            Assert.That(await unconfirmed.TextAsync(), Does.Contain("Confirm that you want to remove NewsletterIssue although 2 items use it."));
            Assert.That((await Site.DefinitionsAsync()).Type("NewsletterIssue"), Is.Not.Null, "still there");
        });

        using var confirmed = await Admin.SubmitAsync(page, [new("Confirm", "true")]);
        Assert.That(confirmed.Headers.Location?.OriginalString, Is.EqualTo("/admin/content-types?removed=NewsletterIssue"));
        Assert.Multiple(async () =>
        {
            Assert.That((await Site.DefinitionsAsync()).Type("NewsletterIssue"), Is.Null);
            Assert.That(await GraphQLAsync("{ newsletterIssue { displayText } }"), Does.Contain("\"errors\""), "gone from GraphQL");
            Assert.That(await CountAsync("NewsletterIssue"), Is.EqualTo(2), "the items are kept");
        });

        await Admin.CreateTypeAsync("Newsletter issue", "NewsletterIssue");
        var edit = await Admin.HtmlAsync("/admin/content-types/NewsletterIssue");
        Assert.That(edit, Does.Contain("2 items use this type.").And.Contain("data-field=\"IssueNumber\""), "items and fields are back");
    }

    [Test]
    public async Task Each_change_is_in_the_audit_trail_naming_the_type()
    {
        await Admin.CreateTypeAsync("Audited thing", "AuditedThing");
        await Admin.AddFieldAsync("AuditedThing", "Colour", "Colour", "TextField");

        var created = await Admin.HtmlAsync("/admin/audit?kind=ContentTypeCreated");
        var changed = await Admin.HtmlAsync("/admin/audit?kind=ContentTypeChanged");
        Assert.Multiple(() =>
        {
            Assert.That(created, Does.Contain("Created the content type AuditedThing (Audited thing)"));
            Assert.That(changed, Does.Contain("Added the field Colour (TextField) to AuditedThing"));
        });
    }

    [Test]
    public async Task Someone_without_EditContentTypes_is_refused()
    {
        await Site.AddUserAsync("typeseditor", "Editor-Pa55word!", "Editor");
        using var editor = new AdminClient(Site.Address);
        await editor.SignInAsync("typeseditor", "Editor-Pa55word!");

        using var list = await editor.GetAsync("/admin/content-types");
        using var post = await editor.PostRawAsync("/admin/content-types/new", [new("DisplayName", "Sneaky")]);
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(post.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest));
        });
    }

    private async Task<int> CountAsync(string type)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().CountAsync(new ContentListRequest(type) { Status = ContentStatus.Latest });
    }
}
