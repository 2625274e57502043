using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>
/// The LocalizationPart in the editor: the culture is chosen from the site's supported cultures (others refused in
/// the form), the set's other items are linked, and "Add a translation" makes a draft in the same set once per culture.
/// </summary>
public sealed class LocalizationEditorTests : AdminSiteTests
{
    protected override async Task PrepareAsync()
    {
        await Site.AlterDefinitionsAsync(store => store.AlterTypeAsync("LocalizedNote", type =>
        {
            SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Draftable = true, Versionable = true, Listable = true });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "LocalizationPart", Name = "LocalizationPart" });
        }));
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(
        [
            new(SiteCultures.SectionName, new JsonObject { ["DefaultCulture"] = "en-GB", ["SupportedCultures"] = new JsonArray("en-GB", "cy-GB", "fr-FR") }),
        ]);
    }

    private Task<string> NewReportAsync(string title) =>
        Site.CreateAsync("LocalizedNote", i => i.GetOrCreatePart("TitlePart")["Title"] = title);

    private static string? Culture(ContentItem? item) => (string?)item?.Part("LocalizationPart")?["Culture"];

    private static string? Set(ContentItem? item) => (string?)item?.Part("LocalizationPart")?["LocalizationSet"];

    [Test]
    public async Task The_editor_offers_the_supported_cultures_with_the_default_marked_and_shows_the_set()
    {
        var id = await NewReportAsync("Annual report");
        var html = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        Assert.That(html, Does.Contain("name=\"LocalizationPart.Culture\""));
        Assert.That(html, Does.Match("<option value=\"en-GB\" selected=\"selected\">[^<]*\\(default\\)</option>"));
        Assert.That(html, Does.Contain("<option value=\"cy-GB\">"));
        Assert.That(html, Does.Contain("Items in the same set are translations of each other."));
        Assert.That(html, Does.Contain(Set(await Site.LatestAsync(id))!));
        Assert.That(html, Does.Contain("data-testid=\"add-translation\""));
    }

    [Test]
    public async Task Editing_the_culture_saves_it()
    {
        var id = await NewReportAsync("Culture changed");
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
            [new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "Culture changed"), new("LocalizationPart.Culture", "cy-GB"), new("action", "continue")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(Culture(await Site.LatestAsync(id)), Is.EqualTo("cy-GB"));
        var again = await Admin.HtmlAsync(response.Headers.Location!.OriginalString);
        Assert.That(again, Does.Match("<option value=\"cy-GB\" selected=\"selected\">"));
    }

    [Test]
    public async Task A_culture_the_site_does_not_support_is_refused_in_the_form()
    {
        var id = await NewReportAsync("Wrong culture");
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
            [new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "Wrong culture"), new("LocalizationPart.Culture", "de-DE"), new("action", "continue")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("govuk-error-summary"));
        Assert.That(html, Does.Contain("href=\"#LocalizationPart-Culture\""));
        Assert.That(html, Does.Contain("The culture &#x27;de-DE&#x27; is not one of the site&#x27;s supported cultures"));
        Assert.That(Culture(await Site.LatestAsync(id)), Is.EqualTo("en-GB"));
    }

    [Test]
    public async Task Add_a_translation_creates_a_draft_in_the_same_set_and_a_second_time_is_refused()
    {
        var id = await NewReportAsync("Translated report");
        var original = await Site.LatestAsync(id);

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
            [new("TranslationCulture", "cy-GB")], $"/admin/content/{id}/edit?handler=Translate");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        var translationId = location.Split('/')[3];
        Assert.That(translationId, Is.Not.EqualTo(id));
        var translation = await Site.LatestAsync(translationId);
        Assert.That(translation!.ContentType, Is.EqualTo("LocalizedNote"));
        Assert.That(translation.Published, Is.False);
        Assert.That(Culture(translation), Is.EqualTo("cy-GB"));
        Assert.That(Set(translation), Is.EqualTo(Set(original)));
        Assert.That(translation.DisplayText, Is.EqualTo("Translated report"));
        Assert.That(Culture(await Site.LatestAsync(id)), Is.EqualTo("en-GB"), "the original keeps its culture");

        var editor = await Admin.HtmlAsync(location);
        Assert.That(editor, Does.Contain($"href=\"/admin/content/{id}/edit\""), "the translation links to the original");

        using var again = await Admin.PostFormAsync($"/admin/content/{id}/edit",
            [new("TranslationCulture", "cy-GB")], $"/admin/content/{id}/edit?handler=Translate");
        var html = await again.Content.ReadAsStringAsync();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("This item already has a translation in cy-GB."));
        Assert.That(html, Does.Contain("href=\"#TranslationCulture\""));
        var inSet = (await Site.LatestOfTypeAsync("LocalizedNote")).Count(i => Set(i) == Set(original));
        Assert.That(inSet, Is.EqualTo(2));
    }
}
