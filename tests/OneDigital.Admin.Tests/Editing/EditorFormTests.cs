using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>
/// The editor's form is generated from the content definitions read per request: every type of the site's recipe
/// gets a form with each of its fields, and a field added to a type shows at once.
/// </summary>
public sealed class EditorFormTests : AdminSiteTests
{

    [TestCase("Page", new[] { "TitlePart.Title", "AutoroutePart.Path", "MarkdownBodyPart.Markdown" })]
    [TestCase("Blog", new[] { "TitlePart.Title", "AutoroutePart.Path" })]
    [TestCase("CaseStudy", new[] { "TitlePart.Title", "CaseStudy.Summary", "CaseStudy.Organisation", "CaseStudy.Region", "CaseStudy.Topics", "CaseStudy.ChampionsInvolved", "CaseStudy.PeopleSupported", "CaseStudy.Image.Query", "CaseStudy.Image.Upload", "CaseStudy.Quote" })]
    [TestCase("ReportSeries", new[] { "TitlePart.Title", "AutoroutePart.Path", "MarkdownBodyPart.Markdown" })]
    [TestCase("Event", new[] { "TitlePart.Title", "Event.StartsAt.Day", "Event.StartsAt.Month", "Event.StartsAt.Year", "Event.StartsAt.Time", "Event.EndsAt.Day", "Event.EventType", "Event.Venue", "Event.Online", "Event.Registration", "Event.Registration.Text", "Event.Topics" })]
    [TestCase("ProgrammePhase", new[] { "TitlePart.Title", "ProgrammePhase.PhaseNumber", "ProgrammePhase.DigitalChampionsRecruited", "ProgrammePhase.PeopleSupported" })]
    [TestCase("Taxonomy", new[] { "TitlePart.Title", "AliasPart.Alias", "AutoroutePart.Path" })]
    public async Task A_creatable_type_has_a_new_form_with_each_of_its_fields(string type, string[] inputs)
    {
        var html = await Admin.HtmlAsync($"/admin/content/new/{type}");

        Assert.Multiple(() =>
        {
            foreach (var input in inputs) Assert.That(html, Does.Contain($"name=\"{input}\""), input);
            Assert.That(html, Does.Contain("name=\"__RequestVerificationToken\""), "antiforgery");
            Assert.That(html, Does.Contain("value=\"publish\""), "the administrator may publish");
        });
    }

    [Test]
    public async Task A_form_shows_display_names_hints_required_markers_and_editor_variants()
    {
        var html = await Admin.HtmlAsync("/admin/content/new/CaseStudy");
        var report = await Admin.HtmlAsync("/admin/content/new/ProgrammePhase");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<textarea class=\"govuk-textarea\" id=\"CaseStudy-Summary\" name=\"CaseStudy.Summary\""), "TextArea editor");
            Assert.That(html, Does.Contain("One or two sentences shown in lists and search results."), "hint");
            Assert.That(html, Does.Contain(">Digital Champions involved</label>"), "display name");
            Assert.That(html, Does.Contain("A whole number, at least 0."), "numeric range");
            Assert.That(html, Does.Contain("Working with learners"), "taxonomy terms offered");
            Assert.That(report, Does.Contain(">Phase number (required)</label>"), "required marker");
        });
    }

    [TestCase("BlogPost")]
    [TestCase("Report")]
    [TestCase("LearningSubmission")]
    [TestCase("NoSuchType")]
    public async Task A_type_that_is_not_creatable_has_no_new_form(string type) =>
        await Admin.HtmlAsync($"/admin/content/new/{type}", HttpStatusCode.NotFound);

    [Test]
    public async Task An_item_in_a_list_is_edited_with_its_fields_and_a_link_to_its_list()
    {
        var blog = await Site.CreateAsync("Blog", i => i.GetOrCreatePart("TitlePart")["Title"] = "News", publish: true);
        var post = await Site.CreateAsync("BlogPost", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "First post";
            i.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = blog, ["Order"] = 0 };
        }, publish: true);

        var html = await Admin.HtmlAsync($"/admin/content/{post}/edit");
        var list = await Admin.HtmlAsync($"/admin/content/{blog}/edit");

        Assert.Multiple(() =>
        {
            foreach (var input in new[] { "TitlePart.Title", "MarkdownBodyPart.Markdown", "BlogPost.Subtitle", "BlogPost.Image.Query", "BlogPost.Topics", "BlogPost.Related", "BlogPost.Related.Search" })
                Assert.That(html, Does.Contain($"name=\"{input}\""), input);
            Assert.That(html, Does.Contain($"href=\"/admin/content/{blog}/edit\">News</a>"), "the container link");
            Assert.That(list, Does.Contain($"href=\"/admin/content/{post}/edit\">First post</a>"), "the list's children");
        });
    }

    [Test]
    public async Task A_field_added_to_a_type_shows_in_its_form_without_a_restart()
    {
        Assert.That(await Admin.HtmlAsync("/admin/content/new/Event"), Does.Not.Contain("Event.Capacity"));

        await Site.AlterDefinitionsAsync(store => store.AlterFieldAsync("Event", "Capacity", "NumericField", field =>
        {
            var settings = field.Settings;
            SettingsReader.Write(settings, new ContentPartFieldSettings { DisplayName = "Places", Position = "9" });
            SettingsReader.Write(settings, new NumericFieldSettings { Hint = "How many people can come." });
        }));

        var html = await Admin.HtmlAsync("/admin/content/new/Event");
        Assert.That(html, Does.Contain("name=\"Event.Capacity\""));
        Assert.That(html, Does.Contain(">Places</label>"));
        Assert.That(html, Does.Contain("How many people can come."));
    }
}
